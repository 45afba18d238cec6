package io.github.xenacpi.simulation;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;

/** The outcome of every boot event under one strategy, the costs, and the verdict, with what was assumed. */
public record SimulationResult(String strategy, XenVersion xen, LinuxVersion linux, SmmuMode smmu,
                               List<Outcome> outcomes, SimulationCosts costs, Verdict verdict) {

    public SimulationResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes with a given result. */
    public List<Outcome> withResult(OutcomeResult result) {
        return outcomes.stream().filter(o -> o.result() == result).toList();
    }
}
