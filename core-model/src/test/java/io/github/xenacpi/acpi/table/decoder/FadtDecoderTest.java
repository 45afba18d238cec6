package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.FadtBuilder;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FadtDecoderTest {

    private static final GenericAddress RESET = new GenericAddress(1, 8, 0, 1, 0xCF9);
    private static final GenericAddress SLEEP_CONTROL = new GenericAddress(0, 8, 0, 1, 0x9000_0000L);
    private static final GenericAddress SLEEP_STATUS = new GenericAddress(0, 8, 0, 1, 0x9000_0004L);

    /** A full x86-style FADT: every field set, 32-bit and 64-bit twins agreeing. */
    private static FadtBuilder everyField() {
        FadtBuilder b = new FadtBuilder()
                .revision(6)
                .minorVersion(5)
                .set("firmwareCtrl", 0x7FF0_0000L)
                .set("dsdt", 0x7FE0_0000L)
                .set("interruptModel", 1)
                .set("preferredPmProfile", 2)
                .set("sciInterrupt", 9)
                .set("smiCommand", 0xB2)
                .set("acpiEnable", 0xA0)
                .set("acpiDisable", 0xA1)
                .set("s4BiosRequest", 0xA2)
                .set("pstateControl", 0xA3)
                .set("gpe1Base", 0x10)
                .set("cstControl", 0xA4)
                .set("pLevel2Latency", 101)
                .set("pLevel3Latency", 1001)
                .set("flushSize", 1024)
                .set("flushStride", 16)
                .set("dutyOffset", 1)
                .set("dutyWidth", 3)
                .set("dayAlarm", 0x0D)
                .set("monthAlarm", 0x0E)
                .set("century", 0x32)
                .set("iapcBootArch", 3)
                .set("flags", FadtTable.RESET_REG_SUP)
                .set("resetRegister", RESET)
                .set("resetValue", 6)
                .set("armBootArch", 0)
                .set("xFirmwareCtrl", 0x7FF0_0000L)
                .set("xDsdt", 0x7FE0_0000L)
                .set("sleepControlRegister", SLEEP_CONTROL)
                .set("sleepStatusRegister", SLEEP_STATUS)
                .set("hypervisorVendorIdentity", 0x4D4D_566E_6558L);
        int port = 0x400;
        for (FadtTable.Block block : FadtTable.Block.values()) {
            b.set(block.field(), port)
                    .set(block.lengthField(), 4)
                    .set(block.extendedField(), new GenericAddress(1, 32, 0, 0, port));
            port += 0x10;
        }
        return b;
    }

    @Test
    void revision6RoundTripsEveryField() {
        LoadedTable t = decode(everyField());

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        FadtTable f = (FadtTable) t.table();
        Map<FadtTable.Block, FadtTable.RegisterBlock> blocks = new EnumMap<>(FadtTable.Block.class);
        int port = 0x400;
        for (FadtTable.Block block : FadtTable.Block.values()) {
            blocks.put(block, new FadtTable.RegisterBlock(port, 4, new GenericAddress(1, 32, 0, 0, port)));
            port += 0x10;
        }
        assertThat(f)
                .isEqualTo(FadtTable.builder()
                        .header(f.header())
                        .firmwareCtrl(0x7FF0_0000L)
                        .dsdt(0x7FE0_0000L)
                        .interruptModel(1)
                        .preferredPmProfile(2)
                        .sciInterrupt(9)
                        .smiCommand(0xB2)
                        .acpiEnable(0xA0)
                        .acpiDisable(0xA1)
                        .s4BiosRequest(0xA2)
                        .pstateControl(0xA3)
                        .blocks(blocks)
                        .gpe1Base(0x10)
                        .cstControl(0xA4)
                        .pLevel2Latency(101)
                        .pLevel3Latency(1001)
                        .flushSize(1024)
                        .flushStride(16)
                        .dutyOffset(1)
                        .dutyWidth(3)
                        .dayAlarm(0x0D)
                        .monthAlarm(0x0E)
                        .century(0x32)
                        .iapcBootArch(3)
                        .flags(FadtTable.RESET_REG_SUP)
                        .resetRegister(RESET)
                        .resetValue(6)
                        .armBootArch(0)
                        .minorVersion(5)
                        .xFirmwareCtrl(0x7FF0_0000L)
                        .xDsdt(0x7FE0_0000L)
                        .sleepControlRegister(SLEEP_CONTROL)
                        .sleepStatusRegister(SLEEP_STATUS)
                        .hypervisorVendorIdentity(0x4D4D_566E_6558L)
                        .build());
        assertThat(f.header().length()).isEqualTo(276);
        assertThat(f.facsAddress()).isEqualTo(0x7FF0_0000L);
        assertThat(f.dsdtAddress()).isEqualTo(0x7FE0_0000L);
        assertThat(f.isHardwareReduced()).isFalse();
    }

    @Test
    void fixedHardwareRegionsKeepTheirSpace() {
        LoadedTable t = decode(everyField());

        assertThat(t.regions())
                .startsWith(
                        new DescribedRegion(
                                RegionKind.FACS,
                                AddressSpace.SYSTEM_MEMORY,
                                0x7FF0_0000L,
                                64,
                                "FACP",
                                1,
                                132,
                                "FADT.xFirmwareCtrl"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0xB2,
                                1,
                                "FACP",
                                1,
                                48,
                                "FADT.smiCommand"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0x400,
                                4,
                                "FACP",
                                1,
                                152,
                                "FADT.xPm1aEventBlock"));
        assertThat(t.regions()).hasSize(1 + 1 + 8 + 3);
        assertThat(t.regions())
                .endsWith(
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0x470,
                                4,
                                "FACP",
                                1,
                                236,
                                "FADT.xGpe1Block"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0xCF9,
                                1,
                                "FACP",
                                1,
                                120,
                                "FADT.resetRegister"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0x9000_0000L,
                                1,
                                "FACP",
                                1,
                                248,
                                "FADT.sleepControlRegister"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0x9000_0004L,
                                1,
                                "FACP",
                                1,
                                260,
                                "FADT.sleepStatusRegister"));
    }

    @Test
    void hardwareReducedArmFadtAsXenWritesItHasNoFixedHardware() {
        LoadedTable t = decode(new FadtBuilder()
                .hardwareReducedArm(true)
                .set("xDsdt", 0x8_0000_0000L)
                .set("hypervisorVendorIdentity", 0x4D4D_566E_6558L));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        FadtTable f = (FadtTable) t.table();
        assertThat(f.isHardwareReduced()).isTrue();
        assertThat(f.isPsciCompliant()).isTrue();
        assertThat(f.psciUsesHvc()).isTrue();
        assertThat(f.armBootArch()).isEqualTo(3);
        assertThat(f.dsdtAddress()).isEqualTo(0x8_0000_0000L);
        assertThat(f.hypervisorVendorIdentity()).isEqualTo(0x4D4D_566E_6558L);
        assertThat(f.minorVersion()).isEqualTo(5);
    }

    @Test
    void acpi10FadtDecodesWhatItHasWithoutComplaint() {
        LoadedTable t = decode(new FadtBuilder()
                .revision(1)
                .set("firmwareCtrl", 0xF_0000L)
                .set("dsdt", 0xE_0000L)
                .set("pm1aEventBlock", 0x1000)
                .set("pm1EventLength", 4)
                .set("flags", 1));

        assertThat(t.diagnostics()).isEmpty();
        FadtTable f = (FadtTable) t.table();
        assertThat(f.header().length()).isEqualTo(116);
        assertThat(f.flags()).isEqualTo(1);
        assertThat(f.xDsdt()).isZero();
        assertThat(f.resetRegister().isNull()).isTrue();
        assertThat(f.minorVersion()).isZero();
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.FACS,
                                AddressSpace.SYSTEM_MEMORY,
                                0xF_0000L,
                                64,
                                "FACP",
                                1,
                                36,
                                "FADT.firmwareCtrl"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0x1000,
                                4,
                                "FACP",
                                1,
                                56,
                                "FADT.pm1aEventBlock"));
    }

    @Test
    void shorterThanItsRevisionIsAWarningAndTheRestReadsZero() {
        LoadedTable t = decode(new FadtBuilder()
                .revision(5)
                .length(244)
                .hardwareReducedArm(false)
                .set("xDsdt", 0x8000_0000L)
                .set("sleepControlRegister", SLEEP_CONTROL));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("revision 5 has 268 bytes, this one 244");
        });
        assertThat(((FadtTable) t.table()).sleepControlRegister().isNull()).isTrue();
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void truncatedBelowAcpi10IsAnError() {
        LoadedTable t = decode(
                truncate(bytes(new FadtBuilder().hardwareReducedArm(false).set("xDsdt", 1L << 32)), 100));

        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(100);
            assertThat(d.message()).contains("even an ACPI 1.0 FADT has 116");
        });
        assertThat(((FadtTable) t.table()).flags()).isZero();
    }

    @Test
    void fixedBlocksOnAHardwareReducedPlatformAreWarnedAndIgnored() {
        LoadedTable t = decode(new FadtBuilder()
                .hardwareReducedArm(false)
                .set("xDsdt", 0x8000_0000L)
                .set("xPm1aControlBlock", new GenericAddress(0, 16, 0, 2, 0x9100_0000L)));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(172);
            assertThat(d.message()).contains("pm1aControlBlock").contains("hardware-reduced");
        });
    }

    @Test
    void disagreeingTwinsAreWarnedAndTheWideOneWins() {
        LoadedTable t = decode(new FadtBuilder()
                .set("firmwareCtrl", 0x1000)
                .set("xFirmwareCtrl", 0x2000)
                .set("dsdt", 0x3000)
                .set("pmTimerBlock", 0x408)
                .set("pmTimerLength", 4)
                .set("xPmTimerBlock", new GenericAddress(1, 24, 0, 3, 0x508)));

        assertThat(t.diagnostics()).extracting(d -> d.offset()).containsExactly(132L, 212L, 209L);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.FACS,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2000,
                                64,
                                "FACP",
                                1,
                                132,
                                "FADT.xFirmwareCtrl"),
                        new DescribedRegion(
                                RegionKind.FIXED_HARDWARE_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0x508,
                                4,
                                "FACP",
                                1,
                                212,
                                "FADT.xPmTimerBlock"));
    }

    @Test
    void missingDsdtIsAnErrorAndMissingFacsAWarningOutsideHardwareReduced() {
        LoadedTable t = decode(new FadtBuilder());

        assertThat(t.diagnostics())
                .extracting(d -> d.severity() + " " + d.offset())
                .containsExactly("WARNING 36", "ERROR 40");
    }

    @Test
    void psciOverHvcWithoutPsciIsAWarning() {
        LoadedTable t = decode(new FadtBuilder()
                .set("flags", FadtTable.HW_REDUCED_ACPI)
                .set("armBootArch", 2)
                .set("xDsdt", 0x8000_0000L));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(129);
            assertThat(d.message()).contains("without PSCI_COMPLIANT");
        });
    }

    @Test
    void lengthFieldBeyondTheDataIsReportedNotFollowed() {
        byte[] b = bytes(new FadtBuilder().hardwareReducedArm(true).set("xDsdt", 0x8000_0000L));
        LoadedTable t = decode(fixChecksum(patch(b, 4, 1000, 4)));

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("1000").contains("276"));
        assertThat(((FadtTable) t.table()).isPsciCompliant()).isTrue();
    }
}
