package io.github.xenacpi.xen;

import io.github.xenacpi.platform.SmmuMode;
import java.util.Objects;

/**
 * The SMMU between Dom0's devices and memory, in one of the {@link SmmuMode}s. With page-table sharing a
 * page is DMA-reachable iff it is in the P2M, and a lazily mapped MMIO page becomes reachable only after the
 * CPU first touched it (src-site/markdown/dom0-model.md, "Xen").
 */
public final class Smmu {
    private final SmmuMode mode;
    private final StageTwoTable p2m;
    private long faults;

    public Smmu(SmmuMode mode, StageTwoTable p2m) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.p2m = Objects.requireNonNull(p2m, "p2m");
    }

    public SmmuMode mode() {
        return mode;
    }

    /** SMMU translation faults recorded so far. */
    public long faults() {
        return faults;
    }

    /** Whether a device's DMA write to a physical address reaches it; a miss counts as an SMMU fault. */
    public boolean dmaReaches(long address) {
        if (mode == SmmuMode.NONE) {
            return true;
        }
        // arm_smmu / smmu-v3 walk the P2M root: no entry, a fault that maps nothing (faults are asynchronous).
        boolean mapped = p2m.isMapped(address >>> StageTwoGeometry.PAGE_SHIFT);
        if (!mapped) {
            faults++;
        }
        return mapped;
    }
}
