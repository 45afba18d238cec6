package io.github.xenacpi.xen;

/** What Xen did about a stage-2 data abort taken by the hardware domain. */
public enum AbortResolution {
    /** An emulated device (vGIC distributor, redistributors, ITS) handled it ({@code try_handle_mmio}). */
    EMULATED,
    /** Xen mapped the 4 KiB page as {@code p2m_mmio_direct_c} and resumed ({@code try_map_mmio}). */
    MAPPED_ON_FAULT,
    /** Xen injected a data abort into Dom0 ({@code inject_dabt_exception}): the access fails. */
    INJECTED
}
