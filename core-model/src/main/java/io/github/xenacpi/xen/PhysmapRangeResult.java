package io.github.xenacpi.xen;

/**
 * What one {@code XENMEM_add_to_physmap_range} with {@code XENMAPSPACE_dev_mmio} over a run of consecutive frames
 * did, counted instead of listed page by page: pages entered into the P2M, pages denied by the iomem permissions
 * (reported to Dom0 as success by {@code map_dev_mmio_page}), and pages whose gpfn lies past the IPA space
 * ({@code -EINVAL} each).
 */
public record PhysmapRangeResult(long pagesMapped, long pagesSilentlyDenied, long pagesInvalid) {}
