package io.github.xenacpi.simulation;

/** The summary of a simulation: FAIL on any Dom0 abort or DMA fault, DEGRADED when features are lost. */
public enum Verdict {
    PASS, DEGRADED, FAIL
}
