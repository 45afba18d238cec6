package io.github.xenacpi.simulation;

/**
 * The summary of a simulation: FAIL on any Dom0 abort or DMA fault, DEGRADED when features are lost, NOT_BUILT when
 * Xen refuses to build the ACPI hardware domain from the host's tables, so no strategy is ever tried (the firmware
 * vendor must act, see {@link io.github.xenacpi.xen.HardwareDomainBuild}).
 */
public enum Verdict {
    PASS,
    DEGRADED,
    FAIL,
    NOT_BUILT
}
