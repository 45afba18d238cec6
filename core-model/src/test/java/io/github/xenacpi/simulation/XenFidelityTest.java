package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.conformance.XenDom0Rules;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.HestBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PcctBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.TableWriter;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.strategy.XenPremap;
import io.github.xenacpi.xen.HardwareDomainBuild;
import io.github.xenacpi.xen.HardwareDomainMemory;
import io.github.xenacpi.xen.HardwareDomainTables;
import io.github.xenacpi.xen.IomemPermissions;
import io.github.xenacpi.xen.StageTwoGeometry;
import io.github.xenacpi.xen.StageTwoTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Xen behaviours the fidelity audit found modelled wrong (dom0-model.md, "Versions modelled, per behaviour"),
 * and the strategy consequences of its row 20 (newer tables), each pinned to the Xen function and commit. Every
 * test here fails on the model before the audit's corrections.
 */
class XenFidelityTest {

    private static DescribedRegion region(RegionKind kind, String table, long base, long length, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, table, 1, 0, path);
    }

    /** Audit row 5: acpi_tb_parse_root_table lists DSDT, FACS and the XSDT entries, not the RSDP and XSDT. */
    @Test
    void theRootTableListHoldsNeitherTheRsdpNorTheXsdt() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        List<HardwareDomainMemory.MappedTable> mapped = HardwareDomainMemory.build(
                p2m,
                List.of(),
                List.of(
                        region(RegionKind.ACPI_TABLE, "RSDP", 0x8000_0000L, 36, "RSDP"),
                        region(RegionKind.ACPI_TABLE, "RSDP", 0x8000_2000L, 100, "RSDP.xsdtAddress"),
                        region(RegionKind.ACPI_TABLE, "XSDT", 0x8000_4000L, 60, "XSDT.entry[0]")));

        assertThat(mapped).extracting(m -> m.table().path()).containsExactly("XSDT.entry[0]");
        assertThat(p2m.isMapped(0x8_0000L)).isFalse();
        assertThat(p2m.isMapped(0x8_0002L)).isFalse();
    }

    private static AcpiTables host(int fadtRevision, int fadtMinor, boolean spcr) {
        PlatformBuilder b = PlatformBuilder.create()
                .add(new FadtBuilder()
                        .hardwareReducedArm(false)
                        .revision(fadtRevision)
                        .minorVersion(fadtMinor));
        if (spcr) {
            b.add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)));
        }
        return AcpiTables.load(b.build().image());
    }

    /**
     * Audit row 4 (d): before 4.15 acpi_parse_fadt wants FADT 6.0+ and acpi_iomem_deny_access an SPCR; 4.15 accepts
     * FADT 5.1 (0ff2c7e5b4) and no SPCR (861f0c1109). A refusal, reported as a finding, not a Dom0 crash.
     */
    @Test
    void before415XenRefusesAnAcpiDom0WithoutSpcrOrWithAnAcpi51Fadt() {
        assertThat(HardwareDomainBuild.refusal(XenVersion.V4_8, host(5, 1, true)))
                .get()
                .extracting(HardwareDomainBuild.Refusal::function)
                .isEqualTo("acpi_parse_fadt");
        assertThat(HardwareDomainBuild.refusal(XenVersion.V4_15, host(5, 1, true)))
                .isEmpty();
        assertThat(HardwareDomainBuild.refusal(XenVersion.V4_15, host(5, 0, true)))
                .isPresent();
        assertThat(HardwareDomainBuild.refusal(new XenVersion(4, 14), host(6, 5, false)))
                .get()
                .extracting(HardwareDomainBuild.Refusal::function)
                .isEqualTo("acpi_iomem_deny_access");
        assertThat(HardwareDomainBuild.refusal(XenVersion.V4_15, host(6, 5, false)))
                .isEmpty();
        assertThat(HardwareDomainBuild.refusal(XenVersion.V4_8, host(6, 0, true)))
                .isEmpty();

        List<Finding> findings = XenDom0Rules.buildFindings(XenVersion.V4_9, host(6, 5, false));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("XEN.DOM0.NOT_BUILT");
            assertThat(f.table()).isEqualTo("SPCR");
        });
    }

    /**
     * Audit row 8: with SMMU mode none Xen drives no SMMU (iommu_hardware_setup walks the device tree only), but
     * the IORT's SMMU reaches Dom0, whose arm-smmu-v3 driver may translate the DMA itself.
     */
    @Test
    void withNoSmmuInXenTheReportSaysDom0MayDriveTheIortSmmu() {
        Platform seed = Preset.SEED_RFC.platform();
        SimulationResult r = Simulation.run(
                SimulationInput.of(seed).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE),
                MappingStrategy.byId("stage2-fault"));

        assertThat(r.outcomes())
                .filteredOn(o -> o.event().api() == AccessApi.DMA)
                .singleElement()
                .satisfies(o -> assertThat(o.reason())
                        .contains("Dom0 may drive the IORT's SMMU")
                        .doesNotContain("reaches memory untranslated"));
    }

    /**
     * Audit item 6.4: an IORT RMR is DMA before the first CPU touch; under a shared SMMU only a strategy that
     * pre-maps DMA targets serves it.
     */
    @Test
    void iortReservedRangesAreBootTimeDmaUnderASharedSmmu() {
        Platform p = Preset.NEW_TABLES.platform();
        SimulationInput shared = SimulationInput.of(p).with(XenVersion.V4_17, LinuxVersion.V6_6, SmmuMode.SHARED);

        SimulationResult fault = Simulation.run(shared, MappingStrategy.byId("stage2-fault"));
        assertThat(fault.withResult(OutcomeResult.DMA_FAULT))
                .extracting(o -> o.event().kind())
                .containsExactly(RegionKind.RMR);
        assertThat(Simulation.run(shared, MappingStrategy.byId("fault-plus-dma-premap"))
                        .outcomes())
                .filteredOn(o -> o.event().kind() == RegionKind.RMR)
                .extracting(Outcome::result)
                .containsExactly(OutcomeResult.MAPPED_AHEAD);
        assertThat(Simulation.run(
                                shared.with(XenVersion.V4_17, LinuxVersion.V6_6, SmmuMode.NONE),
                                MappingStrategy.byId("stage2-fault"))
                        .outcomes())
                .noneMatch(o -> o.event().kind() == RegionKind.RMR);
    }

    /**
     * Audit row 20: "Xen knows this table" is per subtable type and revision: a Xen 4.8 pre-mapper knows PCCT
     * types 0 to 2 but not the extended subspaces of ACPI 6.2 (types 3/4), nor the TPM2 log fields or IORT RMRs.
     */
    @Test
    void xenPremapKnowsSubtableTypesByTheirOwnRevision() {
        List<DescribedRegion> regions = List.of(
                region(RegionKind.PCC_DOORBELL, "PCCT", 0x1000_0000L, 4, "PCCT.subspace[0].doorbell"),
                region(RegionKind.PCC_DOORBELL, "PCCT", 0x1001_0000L, 4, "PCCT.subspace[1].doorbell"),
                region(RegionKind.PCC_REGISTER, "PCCT", 0x1001_1000L, 4, "PCCT.subspace[1].commandCompleteUpdate"),
                region(RegionKind.TPM_EVENT_LOG, "TPM2", 0xBF00_0000L, 0x1000, "TPM2.log"),
                region(RegionKind.RMR, "IORT", 0xC000_0000L, 0x1000, "IORT.node[3].range[0]"));
        XenPremap premap = new XenPremap(false);

        assertThat(premap.premappedAtBuild(
                        regions, XenVersion.V4_8, IomemPermissions.permitAll(XenVersion.V4_8), List.of()))
                .extracting(DescribedRegion::path)
                .containsExactly("PCCT.subspace[0].doorbell");
        assertThat(premap.premappedAtBuild(
                        regions, XenVersion.V4_17, IomemPermissions.permitAll(XenVersion.V4_17), List.of()))
                .hasSize(5);
    }

    /**
     * Audit item 6.2 end to end on real PCCT bytes: a type 3 subspace's command-complete register, mapped by
     * pcc_chan_reg_init (Linux 5.16 on) at postcore_initcall, is not pre-mapped by a Xen 4.8 that knows PCCT types
     * 0 to 2 only, so its first access aborts Dom0; the type 0 subspace's doorbell is pre-mapped.
     */
    @Test
    void aPcctType3SubspaceIsTheNewerTableOnAnOldPcctSignature() {
        GenericAddress db0 = GenericAddress.memory(0x1000_0000L, 32);
        GenericAddress db3 = GenericAddress.memory(0x1001_0000L, 32);
        GenericAddress check = GenericAddress.memory(0x1002_0000L, 32);
        GenericAddress update = GenericAddress.memory(0x1003_0000L, 32);
        GenericAddress error = GenericAddress.memory(0x1004_0000L, 32);
        PcctTable.RegisterWrite none = new PcctTable.RegisterWrite(GenericAddress.memory(0, 0), 0, 0);
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new PcctBuilder()
                        .flags(1)
                        .subspace(new PcctTable.Generic(
                                0xA000_0000L, 0x1000, new PcctTable.RegisterWrite(db0, 0, 1), 100, 0, 0))
                        .subspace(PcctTable.Extended.builder()
                                .interrupt(new PcctTable.Interrupt(40, 0))
                                .baseAddress(0xA001_0000L)
                                .length(0x1000)
                                .doorbell(new PcctTable.RegisterWrite(db3, 0, 1))
                                .nominalLatency(100)
                                .interruptAck(none)
                                .commandCompleteCheck(new PcctTable.RegisterMask(check, 1))
                                .commandCompleteUpdate(new PcctTable.RegisterWrite(update, 0, 1))
                                .errorStatus(new PcctTable.RegisterMask(error, 1))
                                .build()))
                .build()
                .image());
        Platform p = new Platform("pcct3", tables, io.github.xenacpi.platform.PlatformDescriptor.DEFAULT);
        SimulationInput in = SimulationInput.of(p).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE);

        SimulationResult premap = Simulation.run(in, MappingStrategy.byId("xen-premap"));
        assertThat(premap.withResult(OutcomeResult.DOM0_ABORT))
                .extracting(o -> o.event().base())
                .contains(0x1002_0000L, 0x1003_0000L, 0x1004_0000L, 0x1001_0000L)
                .doesNotContain(0x1000_0000L);
        assertThat(premap.withResult(OutcomeResult.DOM0_ABORT))
                .extracting(o -> o.event().function())
                .contains("pcc_send_data");
        assertThat(Simulation.run(
                                in.with(XenVersion.V4_8, LinuxVersion.V5_15, SmmuMode.NONE),
                                MappingStrategy.byId("xen-premap"))
                        .withResult(OutcomeResult.DOM0_ABORT))
                .isEmpty();
    }

    /**
     * Audit row 4 (a): the ITS is denied only in a Xen built with CONFIG_HAS_ITS, a descriptor setting that reaches
     * the simulation: map-all-permitted then leaves the ITS's 128 KiB out of the P2M.
     */
    @Test
    void theDescriptorsConfigHasItsReachesTheSimulation() {
        Platform virt = Preset.QEMU_VIRT.platform();
        io.github.xenacpi.platform.PlatformDescriptor d = virt.descriptor();
        Platform withIts = new Platform(
                "virt-its",
                virt.tables(),
                io.github.xenacpi.platform.PlatformDescriptor.builder()
                        .ram(d.ram())
                        .ipaBits(d.ipaBits())
                        .xen(XenVersion.V4_17)
                        .linux(d.linux())
                        .smmu(d.smmu())
                        .earlycon(d.earlycon())
                        .dma(d.dma())
                        .amlMemory(d.amlMemory())
                        .xenHasIts(true)
                        .build());
        SimulationInput its = SimulationInput.of(withIts);
        SimulationInput plain = SimulationInput.of(virt).with(XenVersion.V4_17, d.linux(), d.smmu());

        assertThat(its.xenHasIts()).isTrue();
        assertThat(plain.xenHasIts()).isFalse();
        long withItsPages = Simulation.run(its, MappingStrategy.byId("map-all-permitted"))
                .costs()
                .pagesMapped();
        long plainPages = Simulation.run(plain, MappingStrategy.byId("map-all-permitted"))
                .costs()
                .pagesMapped();
        assertThat(plainPages - withItsPages).isEqualTo(128 / 4);
    }

    /** Audit row 1: the lazy map is 80f9c31670 (4.9), the patch level is part of the version. */
    @Test
    void versionsCarryTheirPatchLevel() {
        assertThat(XenVersion.parse("4.20.4")).isEqualTo(XenVersion.V4_20_4).hasToString("4.20.4");
        assertThat(XenVersion.parse("4.17")).isEqualTo(XenVersion.V4_17).hasToString("4.17");
        assertThat(XenVersion.parse("4.20.4")).isGreaterThan(XenVersion.V4_20).isLessThan(XenVersion.V4_21);
        assertThat(XenVersion.V4_8.mapsMmioOnFault()).isFalse();
        assertThat(XenVersion.V4_9.mapsMmioOnFault()).isTrue();
    }

    /** Host tables SPCR, MADT, a padding table of {@code pad} bytes and, last, a FADT 6.0 (Xen 4.8 builds Dom0). */
    private static AcpiTables hostWithPaddedFadt(int pad) {
        return AcpiTables.load(PlatformBuilder.create()
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new MadtBuilder())
                .addRaw(TableWriter.withHeader("OEMX", 1, OemIdentity.DEFAULT)
                        .zeros(pad)
                        .finish())
                .add(new FadtBuilder().hardwareReducedArm(false).revision(6))
                .build()
                .image());
    }

    private static long addressOf(AcpiTables tables, String signature) {
        return tables.bySignature(signature).get(0).raw().origin().address();
    }

    /**
     * Audit row 5, second half: Dom0 reads the FADT and MADT Xen wrote into its blob (acpi_create_fadt and
     * acpi_create_madt, Xen 4.7 cf58544a83 and 17a8ba3804; acpi_create_xsdt's acpi_xsdt_modify_entry points the XSDT
     * entry at the copy), never the host's pages. A host FADT that straddles into a page Xen's PFN_UP(size) map leaves
     * out (acpi_map_other_tables) aborted Dom0 on Xen 4.8 in the old model; nothing touches the host copies now, while
     * Xen still maps their first pages at build.
     */
    @Test
    void dom0ReadsXensFadtAndMadtCopiesNeverTheHostPages() {
        AcpiTables probe = hostWithPaddedFadt(0);
        int pad = (int) ((addressOf(probe, "FACP") | 0xFFFL) - 0xF - addressOf(probe, "FACP"));
        AcpiTables tables = hostWithPaddedFadt(pad);
        long fadt = addressOf(tables, "FACP");
        long madt = addressOf(tables, "APIC");
        assertThat(fadt & 0xFFF).isEqualTo(0xFF0);
        assertThat(HardwareDomainTables.replacedHostTables(tables)).containsExactlyInAnyOrder(fadt, madt);

        Platform p = new Platform("fadt-straddles", tables, io.github.xenacpi.platform.PlatformDescriptor.DEFAULT);
        SimulationInput in = SimulationInput.of(p).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE);
        assertThat(in.refusal()).isEmpty();
        SimulationResult r = Simulation.run(in, MappingStrategy.byId("bus-notify"));

        long fadtLength = tables.bySignature("FACP").get(0).header().length();
        long madtLength = tables.bySignature("APIC").get(0).header().length();
        assertThat(r.outcomes())
                .noneMatch(o -> Long.compareUnsigned(o.event().base() - fadt, fadtLength) < 0
                        || Long.compareUnsigned(o.event().base() - madt, madtLength) < 0);
        assertThat(r.outcomes()).anyMatch(o -> o.event().kind() == RegionKind.ACPI_TABLE);
        assertThat(r.withResult(OutcomeResult.DOM0_ABORT)).isEmpty();
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        HardwareDomainMemory.build(p2m, List.of(), p.regions());
        assertThat(p2m.isMapped(fadt >>> 12)).isTrue();
        assertThat(p2m.isMapped((fadt >>> 12) + 1)).isFalse();
    }

    /**
     * Audit row 16's note: the GHES status block is read through a fixmap (ghes_copy_tofrom_phys, ghes_map), which
     * neither option (a) (a Xen-aware acpi_os_ioremap) nor (b) (a Xen-aware ioremap) hooks. With Xen 4.8 (no
     * try_map_mmio) they map the register but Dom0 aborts on the block at ghes_probe (Linux 6.6) or at the first
     * error (4.10); from 4.9 Xen maps it on the fault; map-all-permitted has it mapped ahead. The old model had (a)
     * and (b) pass on Xen 4.8.
     */
    @Test
    void theGhesStatusBlockIsAFixmapReadThatNoIoremapHookCovers() {
        HestTable.Ghes ghes = HestTable.Ghes.builder()
                .relatedSourceId(0xFFFF)
                .enabled(true)
                .recordsToPreallocate(1)
                .maxSectionsPerRecord(1)
                .maxRawDataLength(0x1000)
                .errorStatusAddress(GenericAddress.memory(0xBC41_0000L, 64))
                .notification(HestTable.Notification.builder().type(8).build())
                .errorStatusBlockLength(0x1000)
                .build();
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new HestBuilder().source(ghes))
                .build()
                .image());
        Platform p = new Platform("ghes", tables, io.github.xenacpi.platform.PlatformDescriptor.DEFAULT);

        for (String hook : List.of("acpi-os-ioremap", "arm64-ioremap")) {
            SimulationResult r = Simulation.run(
                    SimulationInput.of(p).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE),
                    MappingStrategy.byId(hook));
            assertThat(r.verdict()).as(hook).isEqualTo(Verdict.FAIL);
            assertThat(r.withResult(OutcomeResult.DOM0_ABORT))
                    .as(hook)
                    .singleElement()
                    .satisfies(o -> {
                        assertThat(o.event().kind()).isEqualTo(RegionKind.GHES_STATUS_BLOCK);
                        assertThat(o.event().function()).isEqualTo("ghes_copy_tofrom_phys");
                        assertThat(o.event().stage()).isEqualTo(io.github.xenacpi.dom0.BootStage.SUBSYS_INITCALL);
                    });
            assertThat(r.outcomes())
                    .filteredOn(o -> o.event().kind() == RegionKind.GHES_STATUS_ADDRESS
                            && o.event().api() == AccessApi.CPU_TOUCH)
                    .extracting(Outcome::result)
                    .containsExactly(OutcomeResult.MAPPED_AHEAD);
            SimulationResult old = Simulation.run(
                    SimulationInput.of(p).with(XenVersion.V4_8, LinuxVersion.V4_10, SmmuMode.NONE),
                    MappingStrategy.byId(hook));
            assertThat(old.withResult(OutcomeResult.DOM0_ABORT))
                    .extracting(o -> o.event().stage())
                    .containsExactly(io.github.xenacpi.dom0.BootStage.RUNTIME);
            SimulationResult lazy = Simulation.run(
                    SimulationInput.of(p).with(XenVersion.V4_17, LinuxVersion.V6_6, SmmuMode.NONE),
                    MappingStrategy.byId(hook));
            assertThat(lazy.withResult(OutcomeResult.DOM0_ABORT)).isEmpty();
            assertThat(lazy.withResult(OutcomeResult.MAPPED_ON_FAULT))
                    .extracting(o -> o.event().kind())
                    .containsExactly(RegionKind.GHES_STATUS_BLOCK);
        }
        SimulationResult all = Simulation.run(
                SimulationInput.of(p).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE),
                MappingStrategy.byId("map-all-permitted"));
        assertThat(all.outcomes())
                .filteredOn(o -> o.event().kind() == RegionKind.GHES_STATUS_BLOCK
                        && o.event().api() == AccessApi.CPU_TOUCH)
                .extracting(Outcome::result)
                .containsExactly(OutcomeResult.MAPPED_AHEAD);
    }
}
