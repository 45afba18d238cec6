package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.LinuxVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * How Dom0 Linux uses each kind of described region: the steps (map, device add, CPU touch) a kernel of a given
 * version takes, with the stage, the API and the kernel function of each, per src-site/markdown/dom0-model.md, "Dom0
 * Linux". Kinds Linux does not map from a table (RAM, RMR, BGRT images that Xen's EFI map hides, tables without a
 * Linux consumer) give no step.
 */
final class LinuxRegionUse {
    /** pci_scan_bus reads function 0 of each of the 32 device slots of the root bus. */
    static final int ECAM_SLOTS_SCANNED = 32;

    private LinuxRegionUse() {}

    /**
     * One step before ordering; {@code kind} is the kind of what is accessed when it is not the region itself (the
     * GHES status block the region's register points to), else {@code null}.
     */
    record Step(
            BootStage stage,
            AccessApi api,
            String kernelApi,
            String function,
            long base,
            long length,
            RegionKind kind) {
        Step(BootStage stage, AccessApi api, String kernelApi, String function, long base, long length) {
            this(stage, api, kernelApi, function, base, length, null);
        }
    }

    /** {@code sizeof(struct acpi_hest_generic_status)}: the block header {@code __ghes_peek_estatus} reads first. */
    static final long GHES_STATUS_HEADER = 20;

    /** The feature that depends on a region of this kind, for reports. */
    static String feature(DescribedRegion r) {
        return switch (r.kind()) {
            case ECAM -> "PCI configuration space (" + r.path() + ")";
            case BOOT_ERROR_REGION -> "boot error log (BERT)";
            case GHES_STATUS_ADDRESS, GHES_READ_ACK, GHES_STATUS_BLOCK -> "firmware-first error reporting (GHES)";
            case ERST_REGISTER, ERST_STORAGE -> "persistent error records (ERST, pstore)";
            case EINJ_REGISTER -> "error injection (EINJ)";
            case TPM_CRB -> "TPM 2.0 (CRB)";
            case TPM_EVENT_LOG -> "TPM 2.0 boot event log (measured boot)";
            case CXL_HOST_BRIDGE -> "CXL host bridge registers (CEDT)";
            case PCC_SHARED_MEMORY, PCC_DOORBELL, PCC_REGISTER -> "platform communication channel (PCC, CPPC)";
            case GT_BLOCK, GT_FRAME -> "memory-mapped system timer (GTDT)";
            case WATCHDOG_CONTROL, WATCHDOG_REFRESH -> "SBSA generic watchdog";
            case SERIAL_PORT -> "early console (SPCR)";
            case GIC_DISTRIBUTOR, GIC_REDISTRIBUTOR -> "interrupt controller";
            case SMMU -> "IOMMU (SMMU driver in Dom0)";
            case PMCG -> "SMMU performance monitors";
            case APMT_PAGE -> "CoreSight PMU (APMT)";
            case WDAT_REGISTER -> "watchdog action table (WDAT)";
            case FIRMWARE_PERFORMANCE_RECORD -> "firmware boot performance data (FPDT)";
            case ACPI_TABLE -> "ACPI table " + r.table();
            case FIXED_HARDWARE_REGISTER -> "ACPI fixed hardware";
            default -> r.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The steps Linux of this version takes on the region, in their order. */
    static List<Step> steps(DescribedRegion r, LinuxVersion linux, boolean earlycon) {
        return steps(r, new LinuxContext(linux, earlycon, java.util.Set.of(), List.of(), java.util.Set.of()));
    }

    /** The steps Linux takes on the region in the given context, in their order. */
    static List<Step> steps(DescribedRegion r, LinuxContext ctx) {
        LinuxVersion linux = ctx.linux();
        boolean earlycon = ctx.earlycon();
        List<Step> s = new ArrayList<>();
        long base = r.base();
        long len = r.length();
        switch (r.kind()) {
            case ACPI_TABLE -> {
                // acpi_table_init / acpi_os_map_memory: the whole table is read, its last byte included. Dom0 finds
                // the RSDP through Xen's EFI system table and reads Xen's RSDP, XSDT, FADT and MADT in the blob at
                // efi_acpi_gpa (prepare_acpi), never the host's: the RSDP and XSDT are left out here, the host FADT
                // and MADT before the boot is built (xen.HardwareDomainTables.seenByDom0, in the simulation).
                if (!r.belongsToRsdp()) {
                    s.add(touch(BootStage.SETUP_ARCH, "acpi_table_init", base + Math.max(0, len - 1)));
                }
            }
            case SERIAL_PORT -> {
                if (earlycon) {
                    // parse_spcr -> setup_earlycon -> earlycon_map: set_fixmap_io, then the first write.
                    s.add(new Step(BootStage.SETUP_ARCH, AccessApi.FIXMAP, "set_fixmap_io", "earlycon_map", base, len));
                    s.add(touch(BootStage.SETUP_ARCH, "pl011_early_write", base));
                }
            }
            // gic_init_bases / gic_populate_rdist: Xen emulates these frames (vgic).
            case GIC_DISTRIBUTOR, GIC_REDISTRIBUTOR ->
                mapAndRead(s, BootStage.SETUP_ARCH, AccessApi.IOREMAP, "ioremap", "gic_acpi_init", base, len);
            case FIXED_HARDWARE_REGISTER ->
                mapAndRead(
                        s,
                        BootStage.ACPI_EARLY_INIT,
                        AccessApi.ACPI_OS_IOREMAP,
                        "acpi_os_map_generic_address",
                        "acpi_hw_read",
                        base,
                        len);
            case GT_BLOCK, GT_FRAME -> {
                if (linux.parsesGtdtPlatformTimers()) {
                    timer(s, r, linux);
                }
            }
            case ECAM -> {
                // pci_acpi_scan_root -> pci_ecam_create: one pci_remap_cfgspace of the whole bus range, then
                // the bus scan reads config space at once.
                s.add(new Step(
                        BootStage.SUBSYS_INITCALL,
                        AccessApi.IOREMAP,
                        "pci_remap_cfgspace",
                        "pci_ecam_create",
                        base,
                        len));
                long slots = Math.min(ECAM_SLOTS_SCANNED, Math.max(1, len >>> 15));
                for (int dev = 0; dev < slots; dev++) {
                    s.add(touch(BootStage.SUBSYS_INITCALL, "pci_scan_slot", base + ((long) dev << 15)));
                }
            }
            // iort_add_platform_device (acpi_iort_init, subsys) with MEM resources; the driver maps at probe.
            case SMMU ->
                platformDevice(
                        s,
                        BootStage.SUBSYS_INITCALL,
                        "platform_device_add",
                        "iort_add_platform_device",
                        "devm_ioremap_resource",
                        "arm_smmu_device_probe",
                        base,
                        len);
            // From 5.2 only (LinuxVersion.addsIortPmcgDevices): older kernels ignore IORT PMCG nodes.
            case PMCG -> {
                if (linux.addsIortPmcgDevices()) {
                    platformDevice(
                            s,
                            BootStage.SUBSYS_INITCALL,
                            "platform_device_add",
                            "iort_add_platform_device",
                            "devm_ioremap_resource",
                            "smmu_pmu_probe",
                            base,
                            len);
                }
            }
            // gtdt_import_sbsa_gwdt: "sbsa-gwdt" with the two 4 KiB frames; sbsa_gwdt_probe maps both.
            // From 4.12 (GTDT parse driver); 4.10 has no GTDT watchdog device.
            case WATCHDOG_CONTROL, WATCHDOG_REFRESH -> {
                if (linux.parsesGtdtPlatformTimers()) {
                    platformDevice(
                            s,
                            BootStage.DEVICE_INITCALL,
                            "platform_device_register_simple",
                            "gtdt_import_sbsa_gwdt",
                            "devm_ioremap_resource",
                            "sbsa_gwdt_probe",
                            base,
                            len);
                }
            }
            case APMT_PAGE -> {
                if (linux.readsApmt()) {
                    platformDevice(
                            s,
                            BootStage.SUBSYS_INITCALL,
                            "platform_device_add",
                            "apmt_add_platform_device",
                            "devm_ioremap_resource",
                            "arm_cspmu_probe",
                            base,
                            len);
                }
            }
            // acpi_watchdog_init: "wdat_wdt" platform device with the WDAT registers as MEM resources.
            case WDAT_REGISTER ->
                platformDevice(
                        s,
                        BootStage.SUBSYS_INITCALL,
                        "platform_device_register_simple",
                        "acpi_watchdog_init",
                        "devm_ioremap",
                        "wdat_wdt_probe",
                        base,
                        len);
            // crb_acpi_add runs only when an MSFT0101 device exists. crb_map_io maps the device's _CRS (a platform
            // device the notifier already mapped, acpi_default_enumeration) and reaches a control area inside it
            // through that mapping; only one outside it gets its own crb_map_res -> devm_ioremap_resource.
            case TPM_CRB -> {
                if (ctx.has(LinuxContext.TPM_CRB_ID)) {
                    if (ctx.insideTpmResources(base, len)) {
                        s.add(touch(BootStage.DEVICE_INITCALL, "crb_map_io", base));
                    } else {
                        mapAndRead(
                                s,
                                BootStage.DEVICE_INITCALL,
                                AccessApi.IOREMAP,
                                "devm_ioremap_resource",
                                "crb_map_res",
                                base,
                                len);
                    }
                }
            }
            // tpm_read_log_acpi (5.8 on, at TPM probe): acpi_os_map_iomem of LASA/LAML, then memcpy_fromio.
            case TPM_EVENT_LOG -> {
                if (ctx.has(LinuxContext.TPM_CRB_ID) && linux.readsTpm2EventLog()) {
                    mapAndRead(
                            s,
                            BootStage.DEVICE_INITCALL,
                            AccessApi.ACPI_OS_IOREMAP,
                            "acpi_os_map_iomem",
                            "tpm_read_log_acpi",
                            base,
                            len);
                }
            }
            case CXL_HOST_BRIDGE -> cxl(s, r, ctx);
            // bert_init (late_initcall): ioremap_cache of the region, then bert_print_all reads it.
            case BOOT_ERROR_REGION -> {
                s.add(new Step(BootStage.LATE_INITCALL, AccessApi.IOREMAP, "ioremap_cache", "bert_init", base, len));
                s.add(touch(BootStage.LATE_INITCALL, "bert_print_all", base));
            }
            case GHES_STATUS_ADDRESS, GHES_READ_ACK -> {
                // ghes_new -> apei_map_generic_address at probe: device_initcall until 6.0, subsys_initcall from 6.1
                // (acpi_init calls acpi_ghes_init before acpi_scan_init). From 5.10 ghes_probe reads the status
                // register at once (ghes_proc: "Handle any pending errors right away"); the read-ack register and,
                // on 4.10, the status register are touched only when an error comes.
                BootStage probe = linux.ghesProbesAtSubsys() ? BootStage.SUBSYS_INITCALL : BootStage.DEVICE_INITCALL;
                s.add(new Step(probe, AccessApi.ACPI_OS_IOREMAP, "acpi_os_map_iomem", "ghes_new", base, len));
                if (r.kind() == RegionKind.GHES_READ_ACK) {
                    s.add(touch(BootStage.RUNTIME, "ghes_ack_error", base));
                } else {
                    // apei_read of the register gives the block's address (non-zero: firmware points it at its
                    // status block), then ghes_copy_tofrom_phys reads the block header through a fixmap slot
                    // (4.15 on; ioremap_page_range before): an access no ioremap hook sees, at an address no table
                    // gives.
                    BootStage read = linux.ghesReadsAtProbe() ? probe : BootStage.RUNTIME;
                    s.add(touch(read, "ghes_read_estatus", base));
                    boolean fixmap = linux.ghesMapsStatusBlockWithFixmap();
                    s.add(new Step(
                            read,
                            AccessApi.FIXMAP,
                            fixmap ? "__set_fixmap" : "ioremap_page_range",
                            fixmap ? "ghes_map" : "ghes_ioremap_pfn_irq",
                            base,
                            GHES_STATUS_HEADER,
                            RegionKind.GHES_STATUS_BLOCK));
                    s.add(new Step(
                            read,
                            AccessApi.CPU_TOUCH,
                            "memcpy_fromio",
                            "ghes_copy_tofrom_phys",
                            base,
                            GHES_STATUS_HEADER,
                            RegionKind.GHES_STATUS_BLOCK));
                }
            }
            case ERST_REGISTER -> {
                // erst_init (device_initcall): apei_exec_pre_map_gars, then erst_get_erange runs the
                // GET_ERROR_RANGE/LENGTH/ATTRIBUTES actions on the registers at boot.
                s.add(new Step(
                        BootStage.DEVICE_INITCALL,
                        AccessApi.ACPI_OS_IOREMAP,
                        "acpi_os_map_iomem",
                        "apei_exec_pre_map_gars",
                        base,
                        len));
                s.add(touch(BootStage.DEVICE_INITCALL, "erst_get_erange", base));
            }
            case ERST_STORAGE -> {
                // erst_init: erst_erange.vaddr = ioremap_cache(base, size); pstore reads records later.
                s.add(new Step(BootStage.DEVICE_INITCALL, AccessApi.IOREMAP, "ioremap_cache", "erst_init", base, len));
                s.add(touch(BootStage.RUNTIME, "erst_reader", base));
            }
            case EINJ_REGISTER -> {
                // einj_init (in newer kernels einj_probe of a resource-less device, still at module init):
                // apei_exec_pre_map_gars maps every register.
                s.add(new Step(
                        BootStage.DEVICE_INITCALL,
                        AccessApi.ACPI_OS_IOREMAP,
                        "acpi_os_map_iomem",
                        "apei_exec_pre_map_gars",
                        base,
                        len));
                if (ctx.isEinjParameterBlock(r)) {
                    // einj_get_parameter_address (every modelled release, 4.10 to 6.18): acpi_os_map_iomem(pa_v5,
                    // sizeof(struct set_error_type_with_address)) and a read of the block at once
                    // (v5param->vendor_extension in check_vendor_extension; memcpy_fromio in newer kernels).
                    mapAndRead(
                            s,
                            BootStage.DEVICE_INITCALL,
                            AccessApi.ACPI_OS_IOREMAP,
                            "acpi_os_map_iomem",
                            "einj_get_parameter_address",
                            base,
                            LinuxContext.EINJ_V5_PARAMETERS);
                }
                s.add(touch(BootStage.RUNTIME, "__einj_error_inject", base));
            }
            case PCC_DOORBELL, PCC_REGISTER -> {
                // pcc_init (postcore, before Xen's notifiers): doorbell and ack registers via acpi_os_ioremap;
                // for an extended subspace (types 3/4, 5.16 on) pcc_chan_reg_init also maps command complete,
                // command update and error status. Older kernels reject types 3 and 4.
                if (!ctx.inExtendedPccSubspace(r) || linux.drivesPccExtendedSubspaces()) {
                    s.add(new Step(
                            BootStage.POSTCORE_INITCALL,
                            AccessApi.ACPI_OS_IOREMAP,
                            "acpi_os_ioremap",
                            ctx.inExtendedPccSubspace(r) ? "pcc_chan_reg_init" : "acpi_pcc_probe",
                            base,
                            len));
                    s.add(touch(BootStage.RUNTIME, "pcc_send_data", base));
                }
            }
            case PCC_SHARED_MEMORY -> {
                // Mapped by the channel's client (cppc_acpi and others) when it requests the channel.
                if (!ctx.inExtendedPccSubspace(r) || linux.drivesPccExtendedSubspaces()) {
                    s.add(new Step(
                            BootStage.DEVICE_INITCALL,
                            AccessApi.ACPI_OS_IOREMAP,
                            "acpi_os_ioremap",
                            "pcc client (cppc_acpi)",
                            base,
                            len));
                    s.add(touch(BootStage.RUNTIME, "pcc_send_data", base));
                }
            }
            // acpi_init_fpdt (fs_initcall) -> fpdt_process_subtable: acpi_os_map_memory of the record; arm64 builds
            // the FPDT driver from 6.2 only (LinuxVersion.readsFpdt).
            case FIRMWARE_PERFORMANCE_RECORD -> {
                if (linux.readsFpdt()) {
                    mapAndRead(
                            s,
                            BootStage.FS_INITCALL,
                            AccessApi.ACPI_OS_IOREMAP,
                            "acpi_os_map_memory",
                            "fpdt_process_subtable",
                            base,
                            len);
                }
            }
            default -> {
                // No Linux consumer maps it (RAM, RMR, BGRT image hidden by Xen's EFI map, ...).
            }
        }
        return s;
    }

    /**
     * cxl_acpi binds the ACPI0017 platform device (subsys_initcall) and parses each CEDT CHBS itself: a CXL 1.1
     * host bridge's 8 KiB RCRB is mapped by {@code cxl_rcrb_to_component} ({@code ioremap(rcrb, SZ_4K)} and
     * {@code readl} of the vendor id, command and BAR0; 6.3 on); a CXL 2.0 host bridge's component registers are
     * mapped by its port ({@code devm_cxl_iomap_block}, a cxl bus device, not a platform device; 6.0 on). No
     * platform device carries these ranges, so Xen's notifier maps nothing.
     */
    private static void cxl(List<Step> s, DescribedRegion r, LinuxContext ctx) {
        // Without an ACPI0016 host bridge cxl_acpi_probe's bus walk (add_host_bridge_dport) finds nothing and
        // never looks at the CHBS (ground truth own-cxl, Linux 6.1).
        if (!ctx.has(LinuxContext.CXL_ROOT_ID) || !ctx.has(LinuxContext.CXL_HOST_BRIDGE_ID)) {
            return;
        }
        if (r.length() == io.github.xenacpi.acpi.table.decoder.CedtDecoder.RCRB_LENGTH) {
            if (ctx.linux().mapsCxlRcrb()) {
                mapAndRead(
                        s,
                        BootStage.SUBSYS_INITCALL,
                        AccessApi.IOREMAP,
                        "ioremap",
                        "cxl_rcrb_to_component",
                        r.base(),
                        4096);
            }
        } else if (ctx.linux().mapsCxlComponentRegisters()) {
            mapAndRead(
                    s,
                    BootStage.DEVICE_INITCALL,
                    AccessApi.IOREMAP,
                    "devm_ioremap",
                    "devm_cxl_iomap_block",
                    r.base(),
                    r.length());
        }
    }

    private static void timer(List<Step> s, DescribedRegion r, LinuxVersion linux) {
        if (linux.gtdtTimersArePlatformDevices()) {
            // gtdt_platform_timer_init: "gtdt-arm-mmio-timer" with platform data only: the notifier maps nothing.
            mapAndRead(
                    s,
                    BootStage.DEVICE_INITCALL,
                    AccessApi.IOREMAP,
                    "devm_ioremap",
                    "arch_timer_mmio_probe",
                    r.base(),
                    r.length());
        } else {
            // arch_timer_mem_acpi_init in time_init: ioremap(cntctlbase) / ioremap(cntbase) and register reads.
            mapAndRead(
                    s,
                    BootStage.TIME_INIT,
                    AccessApi.IOREMAP,
                    "ioremap",
                    "arch_timer_mem_find_best_frame",
                    r.base(),
                    r.length());
        }
    }

    static Step touch(BootStage stage, String function, long address) {
        return new Step(stage, AccessApi.CPU_TOUCH, "readl", function, address, 4);
    }

    /** A kernel mapping of the range followed by the first read through it, both in {@code function}. */
    static void mapAndRead(
            List<Step> s, BootStage stage, AccessApi api, String kernelApi, String function, long base, long length) {
        s.add(new Step(stage, api, kernelApi, function, base, length));
        s.add(touch(stage, function, base));
    }

    /**
     * A platform device carrying the range as a MEM resource, added by {@code addFunction} (Xen's bus notifier
     * sees it), then mapped and read by its driver's probe at device_initcall.
     */
    static void platformDevice(
            List<Step> s,
            BootStage addStage,
            String addKernelApi,
            String addFunction,
            String probeKernelApi,
            String probeFunction,
            long base,
            long length) {
        s.add(new Step(addStage, AccessApi.DEVICE_ADD, addKernelApi, addFunction, base, length));
        mapAndRead(s, BootStage.DEVICE_INITCALL, AccessApi.IOREMAP, probeKernelApi, probeFunction, base, length);
    }
}
