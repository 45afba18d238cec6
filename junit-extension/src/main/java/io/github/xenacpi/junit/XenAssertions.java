package io.github.xenacpi.junit;

import io.github.xenacpi.simulation.SimulationResult;

/** Entry point of the domain assertions: {@code assertThat(result).hasNoDom0Aborts().mapsAll(ECAM)}. */
public final class XenAssertions {

    private XenAssertions() {}

    /** Assertions on one simulation result. */
    public static SimulationResultAssert assertThat(SimulationResult actual) {
        return new SimulationResultAssert(actual);
    }
}
