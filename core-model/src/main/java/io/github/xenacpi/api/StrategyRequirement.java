package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What strategy outcome a build demands of every platform ({@code xenacpi.requireStrategy}): {@code any}, some
 * simulated strategy works; {@code none}, strategy outcomes never fail the build; or a strategy id, that strategy
 * works. A strategy works when Dom0 boots under it: its verdict is PASS, or DEGRADED (features lost or mappings
 * refused, listed in the report); FAIL (Dom0 aborts or a device's DMA faults) does not work.
 *
 * @param mode     {@code any}, {@code none} or {@code strategy}
 * @param strategy the required strategy's id when {@code mode} is {@code strategy}, else empty
 */
public record StrategyRequirement(String mode, String strategy) {

    /** The property that sets it. */
    public static final String PROPERTY = "xenacpi.requireStrategy";

    /** Some simulated strategy must work: the default. */
    public static final StrategyRequirement ANY = new StrategyRequirement("any", "");

    /** Strategy outcomes never fail the build. */
    public static final StrategyRequirement NONE = new StrategyRequirement("none", "");

    /**
     * Parses {@code any}, {@code none} or a strategy id, which must be among the simulated strategies.
     *
     * @throws ValidationException when the text names no strategy, or one that is not simulated
     */
    public static StrategyRequirement parse(String text, List<MappingStrategy> simulated) throws ValidationException {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals(ANY.mode)) {
            return ANY;
        }
        if (t.equals(NONE.mode)) {
            return NONE;
        }
        List<String> ids = simulated.stream().map(MappingStrategy::id).toList();
        if (!ids.contains(t)) {
            boolean known = MappingStrategy.all().stream().anyMatch(s -> s.id().equals(t));
            throw new ValidationException(PROPERTY + ": \"" + text + "\" "
                    + (known
                            ? "is not among the simulated strategies " + ids + "; add it to xenacpi.strategies"
                            : "is neither any, none nor a strategy id; strategies: "
                                    + MappingStrategy.all().stream()
                                            .map(MappingStrategy::id)
                                            .toList()));
        }
        return new StrategyRequirement("strategy", t);
    }

    /**
     * Why a platform's outcome does not meet the requirement; empty when it does. A platform whose input is damaged
     * meets no requirement but {@code none}: no verdict stands on it.
     */
    public Optional<String> unmetBy(PlatformReport platform) {
        if (!mode.equals(NONE.mode) && !platform.complete()) {
            return Optional.of(platform.name() + ": no verdict, the input is damaged ("
                    + platform.input().firstLoss() + ")");
        }
        if (!mode.equals(NONE.mode) && platform.summary().notBuilt() != null) {
            return Optional.of(platform.name() + ": no strategy can boot Dom0: Xen refuses these tables ("
                    + platform.summary().notBuilt().function() + ": "
                    + platform.summary().notBuilt().reason()
                    + "); the firmware vendor must act (XEN.DOM0.NOT_BUILT)");
        }
        return switch (mode) {
            case "none" -> Optional.empty();
            case "any" ->
                platform.results().stream().anyMatch(StrategyRequirement::works)
                        ? Optional.empty()
                        : Optional.of(platform.name() + ": no simulated strategy boots Dom0 ("
                                + platform.summary().failing() + " fail); the firmware or Xen must change");
            default ->
                platform.results().stream()
                        .filter(r -> r.strategy().equals(strategy))
                        .findFirst()
                        .filter(r -> !works(r))
                        .map(r -> platform.name() + ": " + strategy + " does not boot Dom0 (" + r.verdict() + ")");
        };
    }

    /** Whether Dom0 boots under a strategy: PASS or DEGRADED (never when FAIL, nor when Xen built no Dom0). */
    public static boolean works(SimulationResult result) {
        return result.verdict() == Verdict.PASS || result.verdict() == Verdict.DEGRADED;
    }

    /** In words, for messages. */
    public String describe() {
        return switch (mode) {
            case "none" -> "none (strategy outcomes never fail the build)";
            case "any" -> "any (some simulated strategy must boot Dom0)";
            default -> strategy + " (it must boot Dom0)";
        };
    }
}
