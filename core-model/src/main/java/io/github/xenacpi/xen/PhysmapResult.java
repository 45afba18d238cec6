package io.github.xenacpi.xen;

import java.util.Arrays;

/**
 * The result of one {@code XENMEM_add_to_physmap_batch} (Linux: {@code XENMEM_add_to_physmap_range}) call
 * with {@code XENMAPSPACE_dev_mmio}: the overall return code, the per-page error array, and how many pages
 * were really entered into the P2M (denied pages report success and map nothing: {@code map_dev_mmio_page}).
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array's contents
public record PhysmapResult(int rc, int[] errs, int pagesMapped, int pagesSilentlyDenied) {

    public PhysmapResult {
        errs = errs.clone();
    }

    @Override
    public int[] errs() {
        return errs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhysmapResult p
                && p.rc == rc
                && Arrays.equals(p.errs, errs)
                && p.pagesMapped == pagesMapped
                && p.pagesSilentlyDenied == pagesSilentlyDenied;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rc + Arrays.hashCode(errs)) + pagesMapped) + pagesSilentlyDenied;
    }

    @Override
    public String toString() {
        return "PhysmapResult[rc=" + rc + ", pages=" + errs.length + ", mapped=" + pagesMapped + ", silentlyDenied="
                + pagesSilentlyDenied + "]";
    }
}
