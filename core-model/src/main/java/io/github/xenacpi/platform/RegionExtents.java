package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.IortDecoder;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extent the OS maps for a region whose table gives its base but no length, or only the width of one
 * register. Decoders report what the table says (such a region has length 0, or the register's width); this gives
 * each the extent Linux maps, named after Linux's constant and the function that maps it, so that every consumer
 * (Dom0's boot, Xen's iomem deny list, the reports) sees one extent per region: the MADT's GIC frames (a
 * redistributor discovery range keeps the length its GICR structure gives), the SPCR console, the TPM2 CRB control
 * area, the BGRT image and FPDT record headers Linux reads first, and the IORT SMMUv3 and PMCG resources.
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
    /** The page earlycon maps for a memory-mapped SPCR console ({@code set_fixmap_io}), and Xen denies. */
    static final long SPCR_MMIO_PAGE = 4L << 10;
    /** A console UART in I/O space is a 16550: eight byte-wide port registers. */
    static final long SPCR_IO_PORTS = 8;
    /** {@code sizeof(struct crb_regs_tail)}: the TPM2 control area {@code crb_map_io} maps. */
    static final long CRB_REGS_TAIL = 0x30;
    /** The BMP header bytes {@code efi_bgrt_init} maps to learn the image's size. */
    static final long BMP_HEADER_PREFIX = 6;
    /** The table header bytes {@code fpdt_process_subtable} maps first (signature and length). */
    static final long FPDT_SUBTABLE_HEADER = 8;
    /** {@code SZ_128K}: the SMMUv3 register pages 0 and 1 {@code arm_smmu_v3_resource_size} gives. */
    static final long SMMU_V3 = 128L << 10;
    /** {@code SZ_64K}: page 0 alone, what {@code arm_smmu_v3_resource_size} gives a Cavium CN99xx SMMUv3. */
    static final long SMMU_V3_CAVIUM_CN99XX = 64L << 10;
    /** {@code SZ_4K}: each PMCG page {@code arm_smmu_v3_pmcg_init_resources} makes a MEM resource of. */
    static final long PMCG_PAGE = 4L << 10;

    private RegionExtents() {}

    /** The regions with the extent Linux maps given to each whose table does not give one. */
    static List<DescribedRegion> of(List<DescribedRegion> regions, AcpiTables tables) {
        List<DescribedRegion> out = new ArrayList<>(regions.size());
        for (DescribedRegion r : regions) {
            long length = extent(r, tables);
            out.add(
                    length == r.length()
                            ? r
                            : new DescribedRegion(
                                    r.kind(),
                                    r.space(),
                                    r.base(),
                                    length,
                                    r.table(),
                                    r.instance(),
                                    r.offset(),
                                    r.path()));
        }
        return out;
    }

    private static long extent(DescribedRegion r, AcpiTables tables) {
        return switch (r.table()) {
            case "APIC" -> r.length() == 0 ? gicFrame(r, tables) : r.length();
            // Xen's acpi_iomem_deny_access denies the page at the UART's address, and earlycon (set_fixmap_io)
            // maps that one page; a UART in I/O space is a 16550's eight ports; another space keeps the GAS's width.
            case "SPCR" ->
                r.kind() != RegionKind.SERIAL_PORT
                        ? r.length()
                        : r.space() == AddressSpace.SYSTEM_MEMORY
                                ? SPCR_MMIO_PAGE
                                : r.space() == AddressSpace.SYSTEM_IO ? SPCR_IO_PORTS : r.length();
            // crb_acpi_add -> crb_map_io: the control area (struct crb_regs_tail) is mapped at control_area_pa.
            case "TPM2" -> r.length() == 0 && r.kind() == RegionKind.TPM_CRB ? CRB_REGS_TAIL : r.length();
            // efi_bgrt_init maps the BMP header to learn the image size.
            case "BGRT" ->
                r.length() == 0 && r.kind() == RegionKind.BOOT_GRAPHICS_IMAGE ? BMP_HEADER_PREFIX : r.length();
            // fpdt_process_subtable maps the pointed-to table's header first.
            case "FPDT" ->
                r.length() == 0 && r.kind() == RegionKind.FIRMWARE_PERFORMANCE_RECORD
                        ? FPDT_SUBTABLE_HEADER
                        : r.length();
            case "IORT" -> r.length() != 0 ? r.length() : iortResource(r, tables);
            default -> r.length();
        };
    }

    /** The length Linux gives the MEM resource of an IORT SMMUv3 or PMCG node; 0 for any other region. */
    private static long iortResource(DescribedRegion r, AcpiTables tables) {
        return switch (r.kind()) {
            // arm_smmu_v3_pmcg_init_resources: each counter group page is a 4 KiB MEM resource.
            case PMCG -> PMCG_PAGE;
            // arm_smmu_v3_resource_size: 128 KiB (register pages 0 and 1), 64 KiB for Cavium CN99xx (no page 1).
            // An SMMUv1/v2 node's span of 0 stays 0.
            case SMMU ->
                smmuV3At(r, tables)
                        .map(n ->
                                n.model() == IortDecoder.SMMU_V3_MODEL_CAVIUM_CN99XX ? SMMU_V3_CAVIUM_CN99XX : SMMU_V3)
                        .orElse(0L);
            default -> 0;
        };
    }

    /** The SMMUv3 node whose base address field the region came from. */
    private static Optional<IortTable.SmmuV3> smmuV3At(DescribedRegion r, AcpiTables tables) {
        if (!r.path().endsWith(".baseAddress")) {
            return Optional.empty();
        }
        return tables.bySignature("IORT").stream()
                .filter(t -> t.instance() == r.instance())
                .map(LoadedTable::table)
                .filter(IortTable.class::isInstance)
                .map(IortTable.class::cast)
                .flatMap(t -> t.nodes().stream())
                .filter(IortTable.SmmuV3.class::isInstance)
                .map(IortTable.SmmuV3.class::cast)
                .filter(n -> r.offset() >= n.common().offset()
                        && r.offset() < n.common().offset() + (long) n.common().length()
                        && n.baseAddress() == r.base())
                .findFirst();
    }

    /** The length Linux maps for a GIC frame of the MADT that has none. */
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
            case GIC_REDISTRIBUTOR ->
                r.path().endsWith(".gicrBaseAddress")
                        ? gicVersion(r, tables) == 4 ? GICV4_REDISTRIBUTOR : GICV3_REDISTRIBUTOR
                        : 0;
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
                return madt.structures().stream()
                        .filter(MadtTable.Gicd.class::isInstance)
                        .map(MadtTable.Gicd.class::cast)
                        .findFirst()
                        .map(MadtTable.Gicd::version)
                        .orElse(0);
            }
        }
        return 0;
    }
}
