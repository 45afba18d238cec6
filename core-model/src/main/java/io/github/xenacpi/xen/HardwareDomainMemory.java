package io.github.xenacpi.xen;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.MemoryRange;
import java.util.ArrayList;
import java.util.List;

/**
 * What Xen puts into Dom0's stage-2 tables while it builds an ACPI hardware domain, before Dom0 runs
 * ({@code construct_hwdom}, {@code prepare_acpi}): Dom0's RAM direct-mapped, and every table of ACPICA's root
 * list (the ACPI_TABLE regions but the RSDP and XSDT, and the FACS) mapped 1:1 as {@code p2m_mmio_direct_c} by
 * {@code acpi_map_other_tables} — from the page of its address for {@code PFN_UP(size)} pages, so a table that
 * straddles one more page than its size rounds to loses its last page, and at most {@link #ROOT_LIST_LIMIT} tables
 * fit the root list. Nothing the tables point at is mapped.
 */
public final class HardwareDomainMemory {
    /** {@code ACPI_MAX_TABLES} with resizing disabled: DSDT, FACS and at most 126 XSDT entries. */
    public static final int ROOT_LIST_LIMIT = 128;

    private HardwareDomainMemory() {}

    /**
     * Whether an ACPI_TABLE region is the RSDP or the XSDT/RSDT it points at (the region of the RSDP itself, or
     * the one its {@code xsdtAddress}/{@code rsdtAddress} field describes): not in ACPICA's root table list, and
     * replaced by Xen's own copies for Dom0.
     */
    public static boolean isRootPointerTable(DescribedRegion r) {
        return r.kind() == RegionKind.ACPI_TABLE && r.belongsToRsdp();
    }

    /** A table mapped at build: its region and the frames mapped for it. */
    public record MappedTable(DescribedRegion table, FrameRange frames, boolean lastPageMissing) {}

    /**
     * Maps RAM ranges and the ACPI_TABLE regions into the P2M; returns the tables
     * mapped, in root-list order, up to the limit.
     */
    public static List<MappedTable> build(
            StageTwoTable p2m, List<MemoryRange> ramRanges, List<DescribedRegion> regions) {
        for (MemoryRange ram : ramRanges) {
            long first = ram.base() >>> StageTwoGeometry.PAGE_SHIFT;
            if (first >= p2m.geometry().frames()
                    || (ram.length() >>> StageTwoGeometry.PAGE_SHIFT)
                            > p2m.geometry().frames() - first) {
                continue;
            }
            // allocate_memory_11: GFN == MFN; insert_11_bank maps each buddy allocation with
            // guest_physmap_add_page(d, gfn, mfn, order): one p2m_set_entry of 2^order naturally aligned frames.
            long gfn = first;
            long left = ram.length() >>> StageTwoGeometry.PAGE_SHIFT;
            while (left > 0) {
                int order = Math.min(Long.numberOfTrailingZeros(gfn), 63 - Long.numberOfLeadingZeros(left));
                p2m.map(gfn, gfn, 1L << order, P2mType.RAM_RW, true);
                gfn += 1L << order;
                left -= 1L << order;
            }
        }
        List<MappedTable> out = new ArrayList<>();
        for (DescribedRegion r : regions) {
            // acpi_tb_parse_root_table: slots for DSDT and FACS, then the XSDT's entries; the RSDP and the XSDT
            // themselves are not in acpi_gbl_root_table_list.
            boolean rootListTable =
                    (r.kind() == RegionKind.ACPI_TABLE && !isRootPointerTable(r)) || r.kind() == RegionKind.FACS;
            if (!rootListTable || !r.space().isMemory() || out.size() >= ROOT_LIST_LIMIT) {
                continue;
            }
            long gfn = r.base() >>> StageTwoGeometry.PAGE_SHIFT;
            // acpi_map_other_tables: map_regions_p2mt(d, gaddr_to_gfn(addr), PFN_UP(size), ...)
            long pages = Math.max(1, (r.length() + 0xFFF) >>> StageTwoGeometry.PAGE_SHIFT);
            if (gfn >= p2m.geometry().frames() || pages > p2m.geometry().frames() - gfn) {
                // Beyond the IPA space: no stage-2 entry can hold it.
                continue;
            }
            p2m.map(gfn, gfn, pages, P2mType.MMIO_DIRECT_C, true);
            FrameRange frames = new FrameRange(gfn, gfn + pages - 1);
            boolean missing = FrameRange.covering(r.base(), r.length()).last() > frames.last();
            out.add(new MappedTable(r, frames, missing));
        }
        return out;
    }
}
