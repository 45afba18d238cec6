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

    /** The result of a strategy on a platform where Xen refuses to build Dom0: nothing ran, nothing cost. */
    public static SimulationResult notBuilt(
            String strategy, XenVersion xen, LinuxVersion linux, SmmuMode smmu, HardwareDomainBuild.Refusal refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return builder()
                .strategy(strategy)
                .xen(xen)
                .linux(linux)
                .smmu(smmu)
                .verdict(Verdict.NOT_BUILT)
                .notBuilt(refusal)
                .build();
    }

    /**
     * A builder for a Dom0 that Xen built: no outcomes, zero costs, no refusal and an empty stage-2 map; the strategy,
     * the versions, the SMMU mode and the verdict must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SimulationResult} field by field, each setter named after its component. */
    public static final class Builder {
        private String strategy;
        private XenVersion xen;
        private LinuxVersion linux;
        private SmmuMode smmu;
        private List<Outcome> outcomes = List.of();
        private SimulationCosts costs = new SimulationCosts(0, 0, 0, 0, 0, 0);
        private Verdict verdict;
        private HardwareDomainBuild.Refusal notBuilt;
        private StageTwoMap stageTwoMap = StageTwoMap.EMPTY;

        private Builder() {}

        public Builder strategy(String value) {
            strategy = value;
            return this;
        }

        public Builder xen(XenVersion value) {
            xen = value;
            return this;
        }

        public Builder linux(LinuxVersion value) {
            linux = value;
            return this;
        }

        public Builder smmu(SmmuMode value) {
            smmu = value;
            return this;
        }

        public Builder outcomes(List<Outcome> value) {
            outcomes = value;
            return this;
        }

        public Builder costs(SimulationCosts value) {
            costs = value;
            return this;
        }

        public Builder verdict(Verdict value) {
            verdict = value;
            return this;
        }

        public Builder notBuilt(HardwareDomainBuild.Refusal value) {
            notBuilt = value;
            return this;
        }

        public Builder stageTwoMap(StageTwoMap value) {
            stageTwoMap = value;
            return this;
        }

        /** The SimulationResult set so far. */
        public SimulationResult build() {
            return new SimulationResult(strategy, xen, linux, smmu, outcomes, costs, verdict, notBuilt, stageTwoMap);
        }
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
