package io.github.xenacpi.report;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What strategy outcome a build requires of every platform, apart from the firmware findings that {@code failOn}
 * judges: {@code none} (strategy outcomes never fail the build), {@code any} (some strategy must pass), or a
 * strategy id (that strategy must pass). A platform whose input is damaged meets no requirement but
 * {@code none}: no verdict stands on it.
 */
public record StrategyRequirement(String requirement) {

    /** Strategy outcomes never fail a build. */
    public static final StrategyRequirement NONE = new StrategyRequirement("none");
    /** Some strategy must let Dom0 boot with every feature. */
    public static final StrategyRequirement ANY = new StrategyRequirement("any");

    public StrategyRequirement {
        Objects.requireNonNull(requirement, "requirement");
    }

    /**
     * Parses {@code none}, {@code any} or a strategy id.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is none of them
     */
    public static StrategyRequirement parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        if (t.equals("any")) {
            return ANY;
        }
        if (MappingStrategy.all().stream().noneMatch(s -> s.id().equals(t))) {
            throw new IllegalArgumentException("a strategy requirement is none, any or a strategy id ("
                    + String.join(", ", MappingStrategy.all().stream().map(MappingStrategy::id).toList())
                    + "), not \"" + text + "\"");
        }
        return new StrategyRequirement(t);
    }

    /** One line per platform that falls short of the requirement, naming it and why; empty when all meet it. */
    public List<String> violations(ConformanceReport report) {
        List<String> out = new ArrayList<>();
        if (this.equals(NONE)) {
            return out;
        }
        for (PlatformReport p : report.platforms()) {
            if (!p.complete()) {
                out.add(p.name() + ": no verdict, the input is damaged (" + p.input().firstLoss() + ")");
            } else if (this.equals(ANY)) {
                if (p.summary().passing().isEmpty()) {
                    out.add(p.name() + ": no strategy passes (" + p.summary().explanation() + ")");
                }
            } else {
                String verdict = p.strategy(requirement).map(StrategyReport::verdict).orElse(null);
                if (verdict == null) {
                    out.add(p.name() + ": " + requirement + " was not simulated");
                } else if (!verdict.equals(Verdict.PASS.name())) {
                    out.add(p.name() + ": " + requirement + " is " + verdict + ": " + HtmlReport.why(
                            p.strategy(requirement).orElseThrow()));
                }
            }
        }
        return out;
    }
}
