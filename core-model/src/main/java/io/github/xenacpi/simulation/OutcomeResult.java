package io.github.xenacpi.simulation;

/** What became of one boot event under a strategy. */
public enum OutcomeResult {
    /** The range was in the P2M before the access (or the map request was served). */
    MAPPED_AHEAD,
    /** Dom0 made a stage-1 mapping only; Xen was not asked, so the first access decides. */
    STAGE1_ONLY,
    /** The access faulted and Xen mapped the page ({@code try_map_mmio}). */
    MAPPED_ON_FAULT,
    /** Xen emulates the range (vGIC). */
    EMULATED,
    /** Xen injected a data abort: Dom0 oopses. */
    DOM0_ABORT,
    /** A device's DMA hit a page the SMMU does not map. */
    DMA_FAULT,
    /** Xen refused or silently skipped pages of a map request (iomem permissions, 16-bit page count). */
    DENIED,
    /** The table describing the range was hidden from Dom0: the feature is gone. */
    FEATURE_LOST;

    /** The report spelling, such as {@code dom0-abort}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
