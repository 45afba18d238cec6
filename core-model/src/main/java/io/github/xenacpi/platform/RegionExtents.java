package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The extent the OS maps for a region whose table gives its base but no length. Decoders report what the table
 * says (such a region has length 0); this gives each the length Linux maps, named after Linux's constant and the
 * function that maps it, so that every consumer (Dom0's boot, Xen's iomem deny list, the reports) sees one extent
 * per region. Today that is the MADT's GIC frames; a redistributor discovery range keeps the length its GICR
 * structure gives.
 */
final class RegionExtents {
    /** {@code ACPI_GICV2_DIST_MEM_SIZE}: the GICv2 distributor {@code gic_v2_acpi_init} maps. */
    static final long ACPI_GICV2_DIST_MEM_SIZE = 4L << 10;
    /** {@code ACPI_GICV3_DIST_MEM_SIZE}: the GICv3/v4 distributor {@code gic_acpi_init} maps. */
    static final long ACPI_GICV3_DIST_MEM_SIZE = 64L << 10;
    /** {@code ACPI_GIC_CPU_IF_MEM_SIZE}: the CPU interface {@code gic_v2_acpi_init} maps. */
    static final long ACPI_GIC_CPU_IF_MEM_SIZE = 8L << 10;
    /** {@code ACPI_GICV2_VCPU_MEM_SIZE}: the virtual CPU interface {@code gic_acpi_setup_kvm_info} records. */
    static final long ACPI_GICV2_VCPU_MEM_SIZE = 8L << 10;
    /** {@code ACPI_GICV2_VCTRL_MEM_SIZE}: the hypervisor interface {@code gic_acpi_setup_kvm_info} records. */
    static final long ACPI_GICV2_VCTRL_MEM_SIZE = 4L << 10;
    /** {@code ACPI_GICV3_ITS_MEM_SIZE}: the control and translater frames {@code gic_acpi_parse_madt_its} maps. */
    static final long ACPI_GICV3_ITS_MEM_SIZE = 128L << 10;
    /** One redistributor of GICv3 (RD_base and SGI_base, {@code SZ_64K * 2}). */
    static final long GICV3_REDISTRIBUTOR = 128L << 10;
    /** One redistributor of GICv4 (plus VLPI_base and a reserved frame, {@code SZ_64K * 4}). */
    static final long GICV4_REDISTRIBUTOR = 256L << 10;
    /** The 4 KiB GICv2m MSI frame {@code acpi_parse_madt_msi} (irq-gic-v2m.c) maps ({@code SZ_4K}). */
    static final long GICV2M_MSI_FRAME = 4L << 10;

    private RegionExtents() {
    }

    /** The regions with the extent Linux maps given to each that the table leaves without a length. */
    static List<DescribedRegion> of(List<DescribedRegion> regions, AcpiTables tables) {
        List<DescribedRegion> out = new ArrayList<>(regions.size());
        for (DescribedRegion r : regions) {
            long length = r.length() == 0 && r.table().equals("APIC") ? gicFrame(r, tables) : r.length();
            out.add(length == r.length() ? r : new DescribedRegion(r.kind(), r.space(), r.base(), length, r.table(),
                    r.instance(), r.offset(), r.path()));
        }
        return out;
    }

    /** The length Linux maps for a GIC frame of the MADT; 0 for a region the MADT gives a length of its own. */
    private static long gicFrame(DescribedRegion r, AcpiTables tables) {
        return switch (r.kind()) {
            // gic_v2_acpi_init maps ACPI_GICV2_DIST_MEM_SIZE (4 KiB) and Xen's gicv2_iomem_deny_access one page;
            // gic_acpi_init (GICv3/v4, or version 0) maps ACPI_GICV3_DIST_MEM_SIZE (64 KiB).
            case GIC_DISTRIBUTOR -> {
                int version = gicVersion(r, tables);
                yield version == 1 || version == 2 ? ACPI_GICV2_DIST_MEM_SIZE : ACPI_GICV3_DIST_MEM_SIZE;
            }
            // gic_v2_acpi_init: ACPI_GIC_CPU_IF_MEM_SIZE (8 KiB).
            case GIC_CPU_INTERFACE -> ACPI_GIC_CPU_IF_MEM_SIZE;
            // gic_acpi_setup_kvm_info: ACPI_GICV2_VCPU_MEM_SIZE (8 KiB) for GICV.
            case GIC_VCPU_INTERFACE -> ACPI_GICV2_VCPU_MEM_SIZE;
            // gic_acpi_setup_kvm_info: ACPI_GICV2_VCTRL_MEM_SIZE (4 KiB) for GICH.
            case GIC_HYP_INTERFACE -> ACPI_GICV2_VCTRL_MEM_SIZE;
            // gic_acpi_parse_madt_gicc: one redistributor per CPU, RD_base + SGI_base (2 x 64 KiB) on GICv3, plus
            // VLPI_base and a reserved frame (4 x 64 KiB) on GICv4. A GICR structure's discovery range has its
            // own length (gic_acpi_parse_madt_redist), kept as given even when it is 0.
            case GIC_REDISTRIBUTOR -> r.path().endsWith(".gicrBaseAddress")
                    ? gicVersion(r, tables) == 4 ? GICV4_REDISTRIBUTOR : GICV3_REDISTRIBUTOR : 0;
            // gic_acpi_parse_madt_its: ACPI_GICV3_ITS_MEM_SIZE; Xen's gicv3_its_deny_access denies the same
            // GICV3_ITS_SIZE.
            case GIC_ITS -> ACPI_GICV3_ITS_MEM_SIZE;
            // acpi_parse_madt_msi (irq-gic-v2m.c): one 4 KiB frame.
            case GIC_MSI_FRAME -> GICV2M_MSI_FRAME;
            default -> 0;
        };
    }

    /** The version of the first GIC distributor of the MADT instance the region came from; 0 without one. */
    private static int gicVersion(DescribedRegion r, AcpiTables tables) {
        for (LoadedTable t : tables.bySignature("APIC")) {
            if (t.instance() == r.instance() && t.table() instanceof MadtTable madt) {
                return madt.structures().stream().filter(MadtTable.Gicd.class::isInstance)
                        .map(MadtTable.Gicd.class::cast).findFirst().map(MadtTable.Gicd::version).orElse(0);
            }
        }
        return 0;
    }
}
