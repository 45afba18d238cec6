package io.github.xenacpi.simulation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of every boot event under one strategy, the costs, the verdict and the stage-2 map the boot leaves
 * (not part of the inspect document's simulation; the report shows it per strategy), with what was assumed. When Xen
 * refuses to build the ACPI hardware domain ({@code notBuilt} set, verdict {@link Verdict#NOT_BUILT}) Dom0 never
 * runs: there are no outcomes and no costs.
 */
public record SimulationResult(
        String strategy,
        XenVersion xen,
        LinuxVersion linux,
        SmmuMode smmu,
        List<Outcome> outcomes,
        SimulationCosts costs,
        Verdict verdict,
        HardwareDomainBuild.Refusal notBuilt,
        @JsonIgnore StageTwoMap stageTwoMap) {

    public SimulationResult {
        outcomes = List.copyOf(outcomes);
        stageTwoMap = stageTwoMap == null ? StageTwoMap.EMPTY : stageTwoMap;
        if ((verdict == Verdict.NOT_BUILT) != (notBuilt != null)) {
            throw new IllegalArgumentException("verdict NOT_BUILT goes with a refusal and only with one");
        }
    }

    /** A result of a Dom0 that Xen built, without its stage-2 map. */
    public SimulationResult(
            String strategy,
            XenVersion xen,
            LinuxVersion linux,
            SmmuMode smmu,
            List<Outcome> outcomes,
            SimulationCosts costs,
            Verdict verdict) {
        this(strategy, xen, linux, smmu, outcomes, costs, verdict, null, StageTwoMap.EMPTY);
    }

    /** A result without a stage-2 map. */
    public SimulationResult(
            String strategy,
            XenVersion xen,
            LinuxVersion linux,
            SmmuMode smmu,
            List<Outcome> outcomes,
            SimulationCosts costs,
            Verdict verdict,
            HardwareDomainBuild.Refusal notBuilt) {
        this(strategy, xen, linux, smmu, outcomes, costs, verdict, notBuilt, StageTwoMap.EMPTY);
    }

    /** The result of a strategy on a platform where Xen refuses to build Dom0: nothing ran, nothing cost. */
    public static SimulationResult notBuilt(
            String strategy, XenVersion xen, LinuxVersion linux, SmmuMode smmu, HardwareDomainBuild.Refusal refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return new SimulationResult(
                strategy,
                xen,
                linux,
                smmu,
                List.of(),
                new SimulationCosts(0, 0, 0, 0, 0, 0),
                Verdict.NOT_BUILT,
                refusal);
    }

    /** Whether Xen built Dom0, so that the strategy ran. */
    public boolean built() {
        return notBuilt == null;
    }

    /** The outcomes with a given result. */
    public List<Outcome> withResult(OutcomeResult result) {
        return outcomes.stream().filter(o -> o.result() == result).toList();
    }
}
