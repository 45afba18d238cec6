package io.github.xenacpi.xen;

/**
 * One stage-2 data abort of the hardware domain and how Xen resolved it, with the Xen function that decided
 * and why, for reports.
 */
public record StageTwoAbort(long address, AbortResolution resolution, String function, String reason) {}
