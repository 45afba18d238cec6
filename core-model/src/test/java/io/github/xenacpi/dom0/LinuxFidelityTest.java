package io.github.xenacpi.dom0;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.builder.EinjBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Linux behaviours the fidelity audit found different (src-site/markdown/dom0-model.md, "What the audit left
 * unsure, and what we found"), each pinned to the kernel function and the release where the behaviour changed. Every
 * test here fails on the model before the audit's corrections.
 */
class LinuxFidelityTest {
    private static final NamespaceSurvey EMPTY = NamespaceSurvey.builder().build();

    private static DescribedRegion region(RegionKind kind, String table, long base, long length, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, table, 1, 0, path);
    }

    private static NamespaceSurvey.DeviceInfo device(String path, String hid) {
        return NamespaceSurvey.DeviceInfo.builder().path(path).hid(hid).uid("0").build();
    }

    private static List<BootEvent> boot(List<DescribedRegion> regions, NamespaceSurvey ns, LinuxVersion linux) {
        return Dom0Boot.of(regions, ns, linux, false, List.of()).events();
    }

    private static List<String> steps(List<BootEvent> events, RegionKind kind) {
        return events.stream()
                .filter(e -> e.kind() == kind)
                .map(e -> e.stage() + " " + e.api() + " " + e.function())
                .toList();
    }

    /** Audit row 19: init/main.c start_kernel calls time_init before acpi_early_init. */
    @Test
    void timeInitRunsBeforeAcpiEarlyInit() {
        assertThat(BootStage.TIME_INIT).isLessThan(BootStage.ACPI_EARLY_INIT);
        assertThat(BootStage.ACPI_EARLY_INIT).isLessThan(BootStage.POSTCORE_INITCALL);
    }

    /**
     * Audit rows 12 and 13: the GTDT parse driver (drivers/acpi/arm64/gtdt.c, 4.12) brought GTDT memory-mapped
     * timers and the "sbsa-gwdt" device; 4.10 touches neither.
     */
    @Test
    void gtdtTimersAndTheSbsaWatchdogArriveIn412() {
        List<DescribedRegion> gtdt = List.of(
                region(RegionKind.GT_FRAME, "GTDT", 0x2A82_0000L, 0x1000, "GTDT.f"),
                region(RegionKind.WATCHDOG_CONTROL, "GTDT", 0x2A45_0000L, 0x1000, "GTDT.w"));

        assertThat(boot(gtdt, EMPTY, LinuxVersion.V4_10)).isEmpty();
        assertThat(steps(boot(gtdt, EMPTY, LinuxVersion.V5_10), RegionKind.GT_FRAME))
                .containsExactly(
                        "TIME_INIT IOREMAP arch_timer_mem_find_best_frame",
                        "TIME_INIT CPU_TOUCH arch_timer_mem_find_best_frame");
        assertThat(steps(boot(gtdt, EMPTY, LinuxVersion.V5_10), RegionKind.WATCHDOG_CONTROL))
                .first()
                .isEqualTo("DEVICE_INITCALL DEVICE_ADD gtdt_import_sbsa_gwdt");
        // 6.18: gtdt_platform_timer_init, the frames are mapped by arch_timer_mmio_probe at device_initcall.
        assertThat(steps(boot(gtdt, EMPTY, LinuxVersion.V6_18), RegionKind.GT_FRAME))
                .first()
                .isEqualTo("DEVICE_INITCALL IOREMAP arch_timer_mmio_probe");
    }

    /**
     * Audit row 16: 4.10's ghes_probe only maps the error status register (ghes_new); from 5.10 ghes_probe reads it
     * at once (ghes_proc), at device_initcall until 6.0 and at subsys_initcall from 6.1 (acpi_ghes_init in
     * acpi_init).
     */
    @Test
    void ghesReadsTheStatusRegisterAtProbeFrom510AndProbesAtSubsysFrom61() {
        List<DescribedRegion> ghes = List.of(
                region(RegionKind.GHES_STATUS_ADDRESS, "HEST", 0xFF00_0000L, 8, "HEST.source[0].errorStatusAddress"));

        assertThat(steps(boot(ghes, EMPTY, LinuxVersion.V4_10), RegionKind.GHES_STATUS_ADDRESS))
                .containsExactly("DEVICE_INITCALL ACPI_OS_IOREMAP ghes_new", "RUNTIME CPU_TOUCH ghes_read_estatus");
        assertThat(steps(boot(ghes, EMPTY, LinuxVersion.V5_15), RegionKind.GHES_STATUS_ADDRESS))
                .containsExactly(
                        "DEVICE_INITCALL ACPI_OS_IOREMAP ghes_new", "DEVICE_INITCALL CPU_TOUCH ghes_read_estatus");
        assertThat(steps(boot(ghes, EMPTY, LinuxVersion.V6_6), RegionKind.GHES_STATUS_ADDRESS))
                .containsExactly(
                        "SUBSYS_INITCALL ACPI_OS_IOREMAP ghes_new", "SUBSYS_INITCALL CPU_TOUCH ghes_read_estatus");
    }

    /**
     * Audit row 17: erst_init (device_initcall) runs the GET_ERROR_RANGE actions on the registers at boot and
     * ioremap_caches the storage.
     */
    @Test
    void erstTouchesItsRegistersAtBootAndMapsItsStorage() {
        List<DescribedRegion> erst = List.of(
                region(RegionKind.ERST_REGISTER, "ERST", 0xFE00_0000L, 8, "ERST.e[0]"),
                region(RegionKind.ERST_STORAGE, "ERST", 0xFE10_0000L, 0x10000, "ERST.storage"));
        List<BootEvent> events = boot(erst, EMPTY, LinuxVersion.V6_1);

        assertThat(steps(events, RegionKind.ERST_REGISTER))
                .containsExactly(
                        "DEVICE_INITCALL ACPI_OS_IOREMAP apei_exec_pre_map_gars",
                        "DEVICE_INITCALL CPU_TOUCH erst_get_erange");
        assertThat(steps(events, RegionKind.ERST_STORAGE))
                .containsExactly("DEVICE_INITCALL IOREMAP erst_init", "RUNTIME CPU_TOUCH erst_reader");
    }

    /**
     * Audit row 11: crb_acpi_add needs an MSFT0101 device; a control area inside its _CRS is reached through the
     * notifier-mapped _CRS, and tpm_read_log_acpi (5.8 on) maps the TPM2 table's event log with acpi_os_map_iomem.
     */
    @Test
    void tpmStepsNeedAnMsft0101DeviceAndReadTheEventLog() {
        DescribedRegion crb = region(RegionKind.TPM_CRB, "TPM2", 0x0C00_0040L, 0x30, "TPM2.controlArea");
        DescribedRegion log = region(RegionKind.TPM_EVENT_LOG, "TPM2", 0xBF00_0000L, 0x1_0000, "TPM2.log");
        DescribedRegion crs = new DescribedRegion(
                RegionKind.DEVICE_RESOURCE,
                AddressSpace.SYSTEM_MEMORY,
                0x0C00_0000L,
                0x1000,
                "DSDT",
                1,
                0,
                "\\_SB.TPM0._CRS[0]");
        NamespaceSurvey tpm = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.TPM0", "MSFT0101")))
                .build();

        assertThat(boot(List.of(crb, log), EMPTY, LinuxVersion.V6_6)).isEmpty();
        List<BootEvent> events = boot(List.of(crb, log, crs), tpm, LinuxVersion.V6_6);
        assertThat(steps(events, RegionKind.TPM_CRB)).containsExactly("DEVICE_INITCALL CPU_TOUCH crb_map_io");
        assertThat(steps(events, RegionKind.DEVICE_RESOURCE))
                .first()
                .isEqualTo("SUBSYS_INITCALL DEVICE_ADD acpi_create_platform_device");
        assertThat(steps(events, RegionKind.TPM_EVENT_LOG))
                .containsExactly(
                        "DEVICE_INITCALL ACPI_OS_IOREMAP tpm_read_log_acpi",
                        "DEVICE_INITCALL CPU_TOUCH tpm_read_log_acpi");
        assertThat(steps(boot(List.of(crb, log, crs), tpm, LinuxVersion.V4_10), RegionKind.TPM_EVENT_LOG))
                .isEmpty();
    }

    /**
     * Audit row 10: amba_id_list is a function of the kernel: the PL061 alone in 4.x, the CoreSight components in
     * 5.x to 6.9 (their PID/CID read precedes device_add), platform devices again from 6.10.
     */
    @Test
    void coreSightComponentsAreAmbaDevicesFrom5To69Only() {
        DescribedRegion etr = new DescribedRegion(
                RegionKind.DEVICE_RESOURCE,
                AddressSpace.SYSTEM_MEMORY,
                0x2000_0000L,
                0x1000,
                "DSDT",
                1,
                0,
                "\\_SB.ETR0._CRS[0]");
        NamespaceSurvey ns = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.ETR0", "ARMHC9CA")))
                .build();

        assertThat(steps(boot(List.of(etr), ns, LinuxVersion.V4_10), RegionKind.DEVICE_RESOURCE))
                .first()
                .isEqualTo("SUBSYS_INITCALL DEVICE_ADD acpi_create_platform_device");
        assertThat(steps(boot(List.of(etr), ns, LinuxVersion.V6_6), RegionKind.DEVICE_RESOURCE))
                .containsExactly(
                        "SUBSYS_INITCALL IOREMAP amba_device_add",
                        "SUBSYS_INITCALL CPU_TOUCH amba_read_periphid",
                        "SUBSYS_INITCALL DEVICE_ADD amba_device_add");
        assertThat(steps(boot(List.of(etr), ns, LinuxVersion.V6_12), RegionKind.DEVICE_RESOURCE))
                .first()
                .isEqualTo("SUBSYS_INITCALL DEVICE_ADD acpi_create_platform_device");
    }

    /** Audit row 10: acpi_device_should_be_hidden hides the whole device, every _CRS range of it. */
    @Test
    void theStaoHidesEveryResourceOfTheUartDevice() {
        List<DescribedRegion> regions = List.of(
                region(RegionKind.SERIAL_PORT, "SPCR", 0x0900_0000L, 0x1000, "SPCR"),
                new DescribedRegion(
                        RegionKind.DEVICE_RESOURCE,
                        AddressSpace.SYSTEM_MEMORY,
                        0x0900_0000L,
                        0x1000,
                        "DSDT",
                        1,
                        0,
                        "\\_SB.COM0._CRS[0]"),
                new DescribedRegion(
                        RegionKind.DEVICE_RESOURCE,
                        AddressSpace.SYSTEM_MEMORY,
                        0x0901_0000L,
                        0x1000,
                        "DSDT",
                        1,
                        0,
                        "\\_SB.COM0._CRS[1]"));
        NamespaceSurvey ns = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.COM0", "ARMH0011")))
                .build();

        assertThat(steps(boot(regions, ns, LinuxVersion.V6_6), RegionKind.DEVICE_RESOURCE))
                .isEmpty();
    }

    /**
     * Audit row 20: cxl_acpi maps a CXL 1.1 host bridge's RCRB itself (cxl_rcrb_to_component, 6.3) once ACPI0017
     * is bound; no platform device carries it.
     */
    @Test
    void cxlMapsTheRcrbItselfFrom63() {
        List<DescribedRegion> cedt =
                List.of(region(RegionKind.CXL_HOST_BRIDGE, "CEDT", 0x2B00_0000L, 0x2000, "CEDT.structure[0]"));
        NamespaceSurvey ns = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.CXLR", "ACPI0017"), device("\\_SB.CXB0", "ACPI0016")))
                .build();
        NamespaceSurvey rootOnly = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.CXLR", "ACPI0017")))
                .build();

        assertThat(boot(cedt, EMPTY, LinuxVersion.V6_6)).isEmpty();
        // add_host_bridge_dport reaches a CHBS only through an ACPI0016 host bridge (ground truth own-cxl).
        assertThat(boot(cedt, rootOnly, LinuxVersion.V6_6)).isEmpty();
        assertThat(boot(cedt, ns, LinuxVersion.V6_1)).isEmpty();
        assertThat(steps(boot(cedt, ns, LinuxVersion.V6_6), RegionKind.CXL_HOST_BRIDGE))
                .containsExactly(
                        "SUBSYS_INITCALL IOREMAP cxl_rcrb_to_component",
                        "SUBSYS_INITCALL CPU_TOUCH cxl_rcrb_to_component");
    }

    /**
     * Audit row 20: an extended PCC subspace (types 3/4) is driven by pcc_chan_reg_init from 5.16; older kernels
     * reject the type and map none of it. A type 0 to 2 subspace is mapped by every kernel.
     */
    @Test
    void pccExtendedSubspacesAreMappedFrom516() {
        List<DescribedRegion> pcct = List.of(
                region(RegionKind.PCC_DOORBELL, "PCCT", 0x1000_0000L, 4, "PCCT.subspace[0].doorbell"),
                region(RegionKind.PCC_DOORBELL, "PCCT", 0x1001_0000L, 4, "PCCT.subspace[1].doorbell"),
                region(RegionKind.PCC_REGISTER, "PCCT", 0x1001_1000L, 4, "PCCT.subspace[1].commandCompleteCheck"),
                region(RegionKind.PCC_REGISTER, "PCCT", 0x1001_2000L, 4, "PCCT.subspace[1].commandCompleteUpdate"));

        assertThat(boot(pcct, EMPTY, LinuxVersion.V5_15))
                .extracting(BootEvent::base)
                .containsOnly(0x1000_0000L);
        assertThat(boot(pcct, EMPTY, LinuxVersion.V6_1))
                .filteredOn(e -> e.api() == AccessApi.ACPI_OS_IOREMAP)
                .extracting(BootEvent::function)
                .containsExactly("acpi_pcc_probe", "pcc_chan_reg_init", "pcc_chan_reg_init", "pcc_chan_reg_init");
    }

    /**
     * Audit row 18: acpi_ex_system_memory_space_handler maps a window once and reuses it; module-level code runs
     * at table load (acpi_early_init); \_INI and _REG run before acpi_scan_init adds any device.
     */
    @Test
    void amlMapsEachWindowOnceAndRunsInitBeforeDeviceAdds() {
        DescribedRegion opregion = region(RegionKind.OPERATION_REGION, "DSDT", 0x0C20_0000L, 0x100, "\\_SB.PWRR");
        DescribedRegion crs = new DescribedRegion(
                RegionKind.DEVICE_RESOURCE,
                AddressSpace.SYSTEM_MEMORY,
                0x0C20_0000L,
                0x1000,
                "DSDT",
                1,
                0,
                "\\_SB.DEV0._CRS[0]");
        List<RegionAccess> accesses = new ArrayList<>();
        accesses.add(access(0x0C20_0000L, "DSDT module-level code"));
        accesses.add(access(0x0C20_0000L, "\\_SB._INI"));
        accesses.add(access(0x0C20_0004L, "\\_SB._INI"));
        accesses.add(access(0x0C20_0000L, "\\_SB.PWRC._REG"));
        NamespaceSurvey ns = NamespaceSurvey.builder()
                .devices(List.of(device("\\_SB.DEV0", "XACP0001")))
                .bootAccesses(accesses)
                .build();

        List<BootEvent> events = boot(List.of(opregion, crs), ns, LinuxVersion.V6_6);
        List<String> aml = steps(events, RegionKind.OPERATION_REGION);
        assertThat(aml)
                .containsExactly(
                        "ACPI_EARLY_INIT ACPI_OS_IOREMAP acpi_ex_system_memory_space_handler",
                        "ACPI_EARLY_INIT CPU_TOUCH acpi_ex_system_memory_space_handler",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler");
        // The window runs from the first access to the region's end.
        assertThat(events.get(0).length()).isEqualTo(0x100);
        int lastAml = 0;
        int firstAdd = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == RegionKind.OPERATION_REGION) {
                lastAml = i;
            }
            if (firstAdd < 0 && events.get(i).api() == AccessApi.DEVICE_ADD) {
                firstAdd = i;
            }
        }
        assertThat(lastAml).isLessThan(firstAdd);
    }

    /**
     * ACPICA 20181003 (acpica cfbe28b48, Linux 4.20): acpi_ev_execute_reg_methods returns at once for SystemMemory
     * and SystemIO, so a _REG(SystemMemory, 1) read at namespace initialization happens on 4.10 only. Seen in the
     * ground-truth boots (own-aml: Linux 6.1 takes no fault on the _REG region's page).
     */
    @Test
    void regOfSystemMemoryRunsOnlyBeforeLinux420() {
        DescribedRegion opregion = region(RegionKind.OPERATION_REGION, "SSDT", 0x0A00_2000L, 4, "\\_SB.PWRR");
        List<RegionAccess> accesses =
                List.of(access(0x0A00_2000L, "\\_SB.GTA0._REG" + RegionAccess.REG_OF_ALWAYS_ACCESSIBLE_SPACE));
        NamespaceSurvey ns = NamespaceSurvey.builder().bootAccesses(accesses).build();

        assertThat(steps(boot(List.of(opregion), ns, LinuxVersion.V4_10), RegionKind.OPERATION_REGION))
                .containsExactly(
                        "SUBSYS_INITCALL ACPI_OS_IOREMAP acpi_ex_system_memory_space_handler",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler");
        assertThat(steps(boot(List.of(opregion), ns, LinuxVersion.V6_1), RegionKind.OPERATION_REGION))
                .isEmpty();
        assertThat(LinuxVersion.V4_10.runsRegForMemoryAndIo()).isTrue();
        assertThat(LinuxVersion.V5_10.runsRegForMemoryAndIo()).isFalse();
    }

    private static RegionAccess access(long address, String method) {
        return new RegionAccess(
                "\\_SB.PWRR", AddressSpace.SYSTEM_MEMORY, address, 32, RegionAccess.Direction.READ, method, true);
    }

    /** Audit row 5: Dom0 reads the RSDP and XSDT Xen wrote in its blob, not the host's. */
    @Test
    void dom0NeverTouchesTheHostRsdpOrXsdt() {
        List<DescribedRegion> tables = List.of(
                region(RegionKind.ACPI_TABLE, "RSDP", 0x8000_0000L, 36, "RSDP"),
                region(RegionKind.ACPI_TABLE, "RSDP", 0x8000_0040L, 100, "RSDP.xsdtAddress"),
                region(RegionKind.ACPI_TABLE, "XSDT", 0x8000_1000L, 60, "XSDT.entry[0]"));

        assertThat(boot(tables, EMPTY, LinuxVersion.V6_6))
                .extracting(BootEvent::base)
                .containsExactly(0x8000_1000L + 59);
    }

    /**
     * IORT PMCG nodes become "arm-smmu-v3-pmcg" platform devices (iort_add_platform_device, smmu_pmu_probe) from 5.2;
     * 4.10's iort_init_platform_devices adds SMMU nodes only, so it never touches a PMCG page.
     */
    @Test
    void iortPmcgNodesBecomePlatformDevicesFrom52() {
        List<DescribedRegion> iort =
                List.of(region(RegionKind.PMCG, "IORT", 0x2B42_0000L, 0x1000, "IORT.node[5].page0BaseAddress"));

        assertThat(boot(iort, EMPTY, LinuxVersion.V4_10)).isEmpty();
        assertThat(LinuxVersion.V4_10.addsIortPmcgDevices()).isFalse();
        assertThat(new LinuxVersion(5, 2).addsIortPmcgDevices()).isTrue();
        assertThat(steps(boot(iort, EMPTY, LinuxVersion.V5_10), RegionKind.PMCG))
                .containsExactly(
                        "SUBSYS_INITCALL DEVICE_ADD iort_add_platform_device",
                        "DEVICE_INITCALL IOREMAP smmu_pmu_probe",
                        "DEVICE_INITCALL CPU_TOUCH smmu_pmu_probe");
    }

    /**
     * einj_init reads the ACPI 5.0 parameter block at module init: einj_get_parameter_address maps the register of
     * the SET_ERROR_TYPE_WITH_ADDRESS WRITE_REGISTER entry (acpi_os_map_iomem of struct set_error_type_with_address)
     * and reads it at once (check_vendor_extension), in every modelled release; the other EINJ registers are only
     * mapped (apei_exec_pre_map_gars) and touched at injection. The old model touched the block only at injection
     * (the ground-truth boots own-apei-erst-einj showed the read at module load).
     */
    @Test
    void einjReadsItsParameterBlockAtModuleInit() {
        long block = 0x0901_0000L;
        long command = 0x0902_0000L;
        AcpiTables host = AcpiTables.load(PlatformBuilder.create()
                .add(new EinjBuilder()
                        .entry(new ApeiInstruction(0x0, 0x3, 0, GenericAddress.memory(command, 32), 1, 0xFF))
                        .entry(new ApeiInstruction(0x8, 0x2, 0, GenericAddress.memory(block, 64), 0, 0xFFFF_FFFFL)))
                .build()
                .image());
        List<DescribedRegion> regions = host.regions().stream()
                .filter(r -> r.kind() == RegionKind.EINJ_REGISTER)
                .toList();
        assertThat(regions).hasSize(2);

        for (LinuxVersion linux : List.of(LinuxVersion.V4_10, LinuxVersion.V6_1, LinuxVersion.V6_18)) {
            List<BootEvent> events =
                    Dom0Boot.of(regions, EMPTY, linux, false, List.of(), host).events();
            assertThat(events.stream()
                            .filter(e -> e.base() == block)
                            .map(e -> e.stage() + " " + e.api() + " " + e.function() + " " + e.length()))
                    .containsExactly(
                            "DEVICE_INITCALL ACPI_OS_IOREMAP apei_exec_pre_map_gars 8",
                            "DEVICE_INITCALL ACPI_OS_IOREMAP einj_get_parameter_address 40",
                            "DEVICE_INITCALL CPU_TOUCH einj_get_parameter_address 4",
                            "RUNTIME CPU_TOUCH __einj_error_inject 4");
            assertThat(events.stream().filter(e -> e.base() == command).map(e -> e.stage() + " " + e.api()))
                    .containsExactly("DEVICE_INITCALL ACPI_OS_IOREMAP", "RUNTIME CPU_TOUCH");
        }
        // Without the host's EINJ entries (regions made by hand) the block cannot be told apart.
        assertThat(boot(regions, EMPTY, LinuxVersion.V6_1))
                .noneMatch(e -> e.stage() == BootStage.DEVICE_INITCALL && e.api() == AccessApi.CPU_TOUCH);
    }

    /**
     * GHES: ghes_new maps the error status address register (apei_map_generic_address, an acpi_os_ioremap); the read
     * of that register gives the status block's address, and ghes_copy_tofrom_phys reads the block through a fixmap
     * slot (ghes_map, __set_fixmap; 4.15 on) or, before, ioremap_page_range into a private area: never an ioremap, and
     * at an address no table gives (RegionKind.GHES_STATUS_BLOCK). At probe from 5.10 (ghes_proc), at subsys from
     * 6.1; on 4.10 only when an error comes. The old model stopped at the register.
     */
    @Test
    void ghesReadsTheStatusBlockThroughAFixmapNotAnIoremap() {
        List<DescribedRegion> hest = List.of(
                region(RegionKind.GHES_STATUS_ADDRESS, "HEST", 0xBC41_0000L, 8, "HEST.source[0].errorStatusAddress"));

        assertThat(steps(boot(hest, EMPTY, LinuxVersion.V4_10), RegionKind.GHES_STATUS_BLOCK))
                .containsExactly("RUNTIME FIXMAP ghes_ioremap_pfn_irq", "RUNTIME CPU_TOUCH ghes_copy_tofrom_phys");
        assertThat(steps(boot(hest, EMPTY, LinuxVersion.V5_10), RegionKind.GHES_STATUS_BLOCK))
                .containsExactly("DEVICE_INITCALL FIXMAP ghes_map", "DEVICE_INITCALL CPU_TOUCH ghes_copy_tofrom_phys");
        List<BootEvent> v61 = boot(hest, EMPTY, LinuxVersion.V6_1);
        assertThat(v61.stream().map(e -> e.stage() + " " + e.api() + " " + e.kernelApi() + " " + e.kind()))
                .containsExactly(
                        "SUBSYS_INITCALL ACPI_OS_IOREMAP acpi_os_map_iomem GHES_STATUS_ADDRESS",
                        "SUBSYS_INITCALL CPU_TOUCH readl GHES_STATUS_ADDRESS",
                        "SUBSYS_INITCALL FIXMAP __set_fixmap GHES_STATUS_BLOCK",
                        "SUBSYS_INITCALL CPU_TOUCH memcpy_fromio GHES_STATUS_BLOCK");
        assertThat(new LinuxVersion(4, 14).ghesMapsStatusBlockWithFixmap()).isFalse();
        assertThat(new LinuxVersion(4, 15).ghesMapsStatusBlockWithFixmap()).isTrue();
        // The GHESv2 read-ack register has no block behind it.
        assertThat(boot(
                        List.of(region(RegionKind.GHES_READ_ACK, "HEST", 0xBC41_0008L, 8, "HEST.source[1].ack")),
                        EMPTY,
                        LinuxVersion.V6_1))
                .noneMatch(e -> e.kind() == RegionKind.GHES_STATUS_BLOCK);
    }

    /**
     * The FPDT boot records are read (acpi_init_fpdt -> fpdt_process_subtable, acpi_os_map_memory) by arm64 kernels
     * from 6.2 only ("ACPI: Enable FPDT on arm64"; the driver of 5.12 was x86_64 only): the old model mapped them
     * under every kernel, 4.10 included.
     */
    @Test
    void arm64ReadsTheFpdtRecordsFrom62() {
        List<DescribedRegion> fpdt = List.of(
                region(RegionKind.FIRMWARE_PERFORMANCE_RECORD, "FPDT", 0xBF00_0000L, 0x30, "FPDT.record[0].address"));

        for (LinuxVersion before : List.of(LinuxVersion.V4_10, LinuxVersion.V5_15, LinuxVersion.V6_1)) {
            assertThat(boot(fpdt, EMPTY, before)).as("Linux %s", before).isEmpty();
        }
        assertThat(steps(boot(fpdt, EMPTY, LinuxVersion.V6_6), RegionKind.FIRMWARE_PERFORMANCE_RECORD))
                .containsExactly(
                        "FS_INITCALL ACPI_OS_IOREMAP fpdt_process_subtable",
                        "FS_INITCALL CPU_TOUCH fpdt_process_subtable");
    }
}
