package io.github.xenacpi.junit;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on a {@link SimulationResult} that read like the domain; a failure names the strategy and
 * versions, and for each offending boot event the region (kind, base), the kernel function and the reason.
 */
public final class SimulationResultAssert {
    private static final Set<OutcomeResult> NOT_MAPPED = EnumSet.of(
            OutcomeResult.DOM0_ABORT, OutcomeResult.DMA_FAULT, OutcomeResult.DENIED, OutcomeResult.FEATURE_LOST);

    private final SimulationResult actual;

    SimulationResultAssert(SimulationResult actual) {
        this.actual = Objects.requireNonNull(actual, "the simulation result to check is null");
    }

    /** No boot event ended in a data abort injected into Dom0. */
    public SimulationResultAssert hasNoDom0Aborts() {
        built("no Dom0 aborts");
        return none(actual.withResult(OutcomeResult.DOM0_ABORT), "no Dom0 aborts");
    }

    /** No device DMA hit a page the SMMU does not map. */
    public SimulationResultAssert hasNoDmaFaults() {
        built("no DMA faults");
        return none(actual.withResult(OutcomeResult.DMA_FAULT), "no DMA faults");
    }

    /** Dom0 uses regions of the kind and every use of them reaches a mapping: no abort, fault, denial or loss. */
    public SimulationResultAssert mapsAll(RegionKind kind) {
        built("every " + kind + " region mapped");
        List<Outcome> ofKind =
                actual.outcomes().stream().filter(o -> o.event().kind() == kind).toList();
        if (ofKind.isEmpty()) {
            throw new AssertionFailedError(subject() + ": expected every " + kind
                    + " region to be mapped, but Dom0's boot touches no " + kind + " region");
        }
        return none(
                ofKind.stream().filter(o -> NOT_MAPPED.contains(o.result())).toList(),
                "every " + kind + " region mapped");
    }

    /** The overall verdict is the one given. */
    public SimulationResultAssert hasVerdict(Verdict expected) {
        if (actual.verdict() != expected) {
            List<Outcome> why = actual.outcomes().stream()
                    .filter(o -> NOT_MAPPED.contains(o.result()))
                    .toList();
            throw new AssertionFailedError(
                    subject() + ": expected verdict " + expected + " but was "
                            + actual.verdict() + (actual.notBuilt() != null ? ": " + refusal() : "")
                            + (why.isEmpty() ? "" : ", because of:\n" + lines(why)),
                    expected,
                    actual.verdict());
        }
        return this;
    }

    /**
     * A Dom0 that Xen never built has no boot events: an assertion about them must fail rather than pass on
     * nothing (verdict NOT_BUILT, {@code HardwareDomainBuild.refusal}).
     */
    private void built(String expectation) {
        if (actual.notBuilt() != null) {
            throw new AssertionFailedError(
                    subject() + ": expected " + expectation + ", but there is no Dom0: " + refusal());
        }
    }

    private String refusal() {
        return "Xen refuses these tables (" + actual.notBuilt().function() + ": "
                + actual.notBuilt().reason() + "); the firmware vendor must act";
    }

    private SimulationResultAssert none(List<Outcome> offending, String expectation) {
        if (!offending.isEmpty()) {
            throw new AssertionFailedError(subject() + ": expected " + expectation + ", but " + offending.size()
                    + " boot event" + (offending.size() == 1 ? "" : "s") + " failed:\n" + lines(offending));
        }
        return this;
    }

    private String subject() {
        return "strategy " + actual.strategy() + " (Xen " + actual.xen() + ", Linux " + actual.linux() + ", SMMU "
                + actual.smmu().id() + ")";
    }

    private static String lines(List<Outcome> outcomes) {
        return outcomes.stream().map(SimulationResultAssert::line).collect(Collectors.joining("\n"));
    }

    private static String line(Outcome o) {
        BootEvent e = o.event();
        return String.format(
                "  - %s: %s at 0x%x (length 0x%x) in %s via %s [%s]: %s",
                o.result().id(), e.kind(), e.base(), e.length(), e.function(), e.kernelApi(), e.source(), o.reason());
    }
}
