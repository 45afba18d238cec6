package io.github.xenacpi.aml.survey;

import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static io.github.xenacpi.aml.AmlTerm.op;
import static io.github.xenacpi.aml.AmlTerm.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlFixtures;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.ObjectType;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.AmlWriter;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The survey: devices, OperationRegions and the accesses Linux makes at boot, in Linux's order. */
class NamespaceSurveyTest {

    private static final AmlTerm NONE = new AmlTerm.NoTarget();

    private static byte[] dsdtBytes(Consumer<TermListBuilder> content) {
        return DefinitionBlockBuilder.dsdt().content(content).build(OemIdentity.DEFAULT);
    }

    private static NamespaceSurvey survey(MemoryModel memory, Consumer<TermListBuilder> content) {
        List<RawTable> raws = AmlFixtures.raws(dsdtBytes(content));
        return NamespaceSurvey.of(AmlLoader.load(raws), raws, memory, Budget.DEFAULT);
    }

    private static NamespaceSurvey survey(Consumer<TermListBuilder> content) {
        return survey(MemoryModel.zero(), content);
    }

    private static NamespaceSurvey.DeviceInfo device(NamespaceSurvey s, String path) {
        return s.devices().stream()
                .filter(d -> d.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static NamespaceSurvey.RegionInfo region(NamespaceSurvey s, String path) {
        return s.operationRegions().stream()
                .filter(r -> r.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    /** A PNP0C02-like device with Memory32Fixed, and \_SB._INI reading a SystemMemory field at a Name'd base. */
    private static void acceptancePlatform(TermListBuilder t) {
        t.scope(
                "\\_SB",
                sb -> sb.name("MBAS", integer(0xFE00_0000L))
                        .operationRegion("MREG", AddressSpace.SYSTEM_MEMORY, name("MBAS"), integer(0x1000))
                        .field(
                                "MREG",
                                FieldAccessType.DWORD,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.offset(0x10).unit("MODE", 32))
                        .name("MODV", integer(0))
                        .method("_INI", 0, false, m -> m.store(name("MODE"), name("MODV")))
                        .device(
                                "RES0",
                                d -> d.hidEisa("PNP0C02")
                                        .uid(0)
                                        .crs(new ResourceTemplateBuilder()
                                                .memory32Fixed(true, 0xFE10_0000L, 0x1000)
                                                .build())));
    }

    @Test
    void acceptanceInitReadsTheNamedRegionAndTheDeviceResourceIsCatalogued() {
        NamespaceSurvey s = survey(NamespaceSurveyTest::acceptancePlatform);
        assertThat(s.bootAccesses())
                .containsExactly(new RegionAccess(
                        "\\_SB.MREG",
                        AddressSpace.SYSTEM_MEMORY,
                        0xFE00_0010L,
                        32,
                        RegionAccess.Direction.READ,
                        "\\_SB._INI",
                        true));
        NamespaceSurvey.DeviceInfo res = device(s, "\\_SB.RES0");
        assertThat(res.hid()).isEqualTo("PNP0C02");
        assertThat(res.uid()).isEqualTo("0");
        assertThat(res.sta()).isEqualTo(0xF);
        assertThat(res.enumerated()).isTrue();
        assertThat(res.crs().memoryRanges()).hasSize(1);

        NamespaceSurvey.RegionInfo mreg = region(s, "\\_SB.MREG");
        assertThat(mreg.resolved()).isTrue();
        assertThat(mreg.base()).isEqualTo(OptionalLong.of(0xFE00_0000L));
        assertThat(mreg.length()).isEqualTo(OptionalLong.of(0x1000));
        assertThat(mreg.touchedAtBoot()).isTrue();

        byte[] dsdt = dsdtBytes(NamespaceSurveyTest::acceptancePlatform);
        long regionOffset = AmlFixtures.indexOf(dsdt, new byte[] {0x5B, (byte) 0x80, 'M', 'R', 'E', 'G'});
        long crsOffset = AmlFixtures.indexOf(dsdt, new byte[] {0x08, '_', 'C', 'R', 'S'});
        assertThat(s.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.OPERATION_REGION,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFE00_0000L,
                                0x1000,
                                "DSDT",
                                1,
                                regionOffset,
                                "\\_SB.MREG"),
                        new DescribedRegion(
                                RegionKind.DEVICE_RESOURCE,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFE10_0000L,
                                0x1000,
                                "DSDT",
                                1,
                                crsOffset,
                                "\\_SB.RES0._CRS[0]"));
        assertThat(s.deviceResources())
                .extracting(NamespaceSurvey.DeviceResource::hid)
                .containsExactly("PNP0C02");
        assertThat(s.budgetHits()).isZero();
    }

    @Test
    void linuxOrderSbIniThenRegThenDevicesThenEnumerationThenCrs() {
        NamespaceSurvey s = survey(t -> t.scope(
                "\\_SB",
                sb -> sb.operationRegion("TRCR", AddressSpace.SYSTEM_MEMORY, integer(0x9000_0000L), integer(0x100))
                        .field(
                                "TRCR",
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.unit("REG_", 8)
                                        .unit("SBIN", 8)
                                        .unit("DINI", 8)
                                        .unit("DSTA", 8)
                                        .unit("DHID", 8)
                                        .unit("DCRS", 8))
                        .method("_REG", 2, false, m -> m.store(new AmlTerm.Arg(0), name("REG_")))
                        .method("_INI", 0, false, m -> m.store(integer(1), name("SBIN")))
                        .device(
                                "DEV0",
                                d -> d.method(
                                                "_HID",
                                                0,
                                                false,
                                                m -> m.store(integer(1), name("DHID"))
                                                        .returns(string("TST0001")))
                                        .method(
                                                "_STA",
                                                0,
                                                false,
                                                m -> m.store(integer(1), name("DSTA"))
                                                        .returns(integer(0xF)))
                                        .method("_INI", 0, false, m -> m.store(integer(1), name("DINI")))
                                        .method(
                                                "_CRS",
                                                0,
                                                false,
                                                m -> m.store(integer(1), name("DCRS"))
                                                        .returns(AmlTerm.buffer(new ResourceTemplateBuilder()
                                                                .memory32Fixed(true, 0x1000, 0x10)
                                                                .build()))))));
        assertThat(s.bootAccesses())
                .extracting(a -> a.address() - 0x9000_0000L, RegionAccess::methodPath)
                .containsExactly(
                        tuple(1L, "\\_SB._INI"),
                        // _REG(SystemMemory, 1): marked, since Linux 4.20's ACPICA no longer runs it.
                        tuple(0L, "\\_SB._REG" + RegionAccess.REG_OF_ALWAYS_ACCESSIBLE_SPACE),
                        tuple(3L, "\\_SB.DEV0._STA"),
                        tuple(2L, "\\_SB.DEV0._INI"),
                        tuple(3L, "\\_SB.DEV0._STA"),
                        tuple(4L, "\\_SB.DEV0._HID"),
                        tuple(5L, "\\_SB.DEV0._CRS"));
        assertThat(device(s, "\\_SB.DEV0").hid()).isEqualTo("TST0001");
    }

    @Test
    void deviceNotPresentIsNotEnumeratedNorAreItsChildren() {
        NamespaceSurvey s = survey(t -> t.scope(
                "\\_SB",
                sb -> sb.device(
                                "OFF0",
                                d -> d.hid("OFF0001")
                                        .method("_STA", 0, false, m -> m.returns(integer(0)))
                                        .crs(new ResourceTemplateBuilder()
                                                .memory32Fixed(true, 0x1000, 0x10)
                                                .build())
                                        .device(
                                                "KID0",
                                                k -> k.hid("KID0001")
                                                        .crs(new ResourceTemplateBuilder()
                                                                .memory32Fixed(true, 0x2000, 0x10)
                                                                .build())))
                        .device(
                                "FUN0",
                                d -> d.method("_STA", 0, false, m -> m.returns(integer(0x8)))
                                        .device("KID1", k -> k.hid("KID0002")))
                        .device(
                                "ON00",
                                d -> d.hidEisa("PNP0A08")
                                        .name(
                                                "_CID",
                                                AmlTerm.pack(integer(AmlWriter.eisaId("PNP0A03")), string("ACPI0001")))
                                        .name("_ADR", integer(0x10)))));
        assertThat(device(s, "\\_SB.OFF0").enumerated()).isFalse();
        assertThat(device(s, "\\_SB.OFF0").sta()).isZero();
        assertThat(device(s, "\\_SB.OFF0.KID0").enumerated()).isFalse();
        assertThat(device(s, "\\_SB.FUN0").enumerated()).isFalse();
        assertThat(device(s, "\\_SB.FUN0.KID1").enumerated()).isTrue();
        NamespaceSurvey.DeviceInfo on = device(s, "\\_SB.ON00");
        assertThat(on.hid()).isEqualTo("PNP0A08");
        assertThat(on.cids()).containsExactly("PNP0A03", "ACPI0001");
        assertThat(on.adr()).isEqualTo(OptionalLong.of(0x10));
        assertThat(s.deviceResources()).isEmpty();
    }

    @Test
    void regionOperandsLiteralNameArithmeticMethodAndFieldOfAnotherRegion() {
        Consumer<TermListBuilder> content = t -> t.name("BASE", integer(0x5000_0000L))
                .method("GETB", 0, false, m -> m.returns(integer(0x6000_0000L)))
                .operationRegion("LIT0", AddressSpace.SYSTEM_MEMORY, integer(0x4000_0000L), integer(0x10))
                .operationRegion("NAM0", AddressSpace.SYSTEM_MEMORY, name("BASE"), integer(0x20))
                .operationRegion(
                        "ARI0",
                        AddressSpace.SYSTEM_MEMORY,
                        op(AmlOpcode.ADD, name("BASE"), integer(0x100), NONE),
                        integer(0x30))
                .operationRegion("MTH0", AddressSpace.SYSTEM_MEMORY, call("GETB"), integer(0x40))
                .operationRegion("PTR0", AddressSpace.SYSTEM_MEMORY, integer(0x7000_0000L), integer(8))
                .field("PTR0", FieldAccessType.QWORD, false, FieldUpdateRule.PRESERVE, f -> f.unit("PTRV", 64))
                .operationRegion("DYN0", AddressSpace.SYSTEM_MEMORY, name("PTRV"), integer(0x50))
                .operationRegion("GPI0", AddressSpace.GENERAL_PURPOSE_IO, integer(0), integer(0x10));
        NamespaceSurvey s = survey(content);
        assertThat(region(s, "\\LIT0").base()).isEqualTo(OptionalLong.of(0x4000_0000L));
        assertThat(region(s, "\\NAM0").base()).isEqualTo(OptionalLong.of(0x5000_0000L));
        assertThat(region(s, "\\ARI0").base()).isEqualTo(OptionalLong.of(0x5000_0100L));
        assertThat(region(s, "\\MTH0").base()).isEqualTo(OptionalLong.of(0x6000_0000L));
        NamespaceSurvey.RegionInfo dyn = region(s, "\\DYN0");
        assertThat(dyn.resolved()).isFalse();
        assertThat(dyn.unresolvedReason()).contains("\\PTR0").contains("memory model does not provide");
        assertThat(region(s, "\\GPI0").space()).isEqualTo(AddressSpace.GENERAL_PURPOSE_IO);
        assertThat(s.regions())
                .extracting(DescribedRegion::path)
                .containsExactly("\\LIT0", "\\NAM0", "\\ARI0", "\\MTH0", "\\PTR0");

        NamespaceSurvey known = survey(MemoryModel.of(Map.of(0x7000_0000L, 0x8000_0000L)), content);
        assertThat(region(known, "\\DYN0").base()).isEqualTo(OptionalLong.of(0x8000_0000L));
    }

    @Test
    void staDependingOnUnknownMemoryIsMarked() {
        NamespaceSurvey s =
                survey(t -> t.operationRegion("NVS0", AddressSpace.SYSTEM_MEMORY, integer(0x8000_0000L), integer(4))
                        .field("NVS0", FieldAccessType.BYTE, false, FieldUpdateRule.PRESERVE, f -> f.unit("STOR", 8))
                        .scope(
                                "\\_SB",
                                sb -> sb.device(
                                        "UFS0",
                                        d -> d.hid("QCOM24A5")
                                                .method(
                                                        "_STA",
                                                        0,
                                                        false,
                                                        m -> m.ifElse(
                                                                op(AmlOpcode.LEQUAL, name("STOR"), integer(1)),
                                                                a -> a.returns(integer(0xF)),
                                                                b -> b.returns(integer(0)))))));
        NamespaceSurvey.DeviceInfo ufs = device(s, "\\_SB.UFS0");
        assertThat(ufs.staKnown()).isFalse();
        assertThat(ufs.enumerated()).isFalse();
        assertThat(region(s, "\\NVS0").touchedAtBoot()).isTrue();
    }

    @Test
    void ssdtMethodsRunFromTheirOwnTableAndCallIntoTheDsdt() {
        byte[] dsdt = dsdtBytes(t -> t.method("BASE", 0, false, m -> m.returns(integer(0x3000_0000L)))
                .scope("\\_SB", sb -> sb.device("PCI0", d -> d.hidEisa("PNP0A08"))));
        byte[] ssdt = DefinitionBlockBuilder.ssdt()
                .content(t -> t.external("\\BASE", ObjectType.METHOD, 0)
                        .scope(
                                "\\_SB.PCI0",
                                p -> p.device(
                                        "CHLD",
                                        d -> d.hid("QCOM0001")
                                                .name("_CID", string("QCOM0000"))
                                                .method(
                                                        "_CRS",
                                                        0,
                                                        true,
                                                        m -> m.name(
                                                                        "RBUF",
                                                                        AmlTerm.buffer(new ResourceTemplateBuilder()
                                                                                .memory32Fixed(true, 0, 0x4000)
                                                                                .build()))
                                                                .createField(32, name("RBUF"), integer(4), "BADR")
                                                                .store(call("\\BASE"), name("BADR"))
                                                                .returns(name("RBUF"))))))
                .build(OemIdentity.DEFAULT);
        List<RawTable> raws = AmlFixtures.raws(dsdt, ssdt);
        NamespaceSurvey s = NamespaceSurvey.of(AmlLoader.load(raws), raws);
        NamespaceSurvey.DeviceInfo child = device(s, "\\_SB.PCI0.CHLD");
        assertThat(child.cids()).containsExactly("QCOM0000");
        assertThat(child.crs().memoryRanges()).extracting(r -> r.base()).containsExactly(0x3000_0000L);
        assertThat(s.deviceResources())
                .extracting(d -> d.region().table(), d -> d.region().path(), d -> d.hid())
                .containsExactly(tuple("SSDT", "\\_SB.PCI0.CHLD._CRS[0]", "QCOM0001"));
    }

    @Test
    void processorsAndThermalZonesAreInitialized() {
        NamespaceSurvey s = survey(t -> t.operationRegion(
                        "TRC0", AddressSpace.SYSTEM_MEMORY, integer(0xA000), integer(2))
                .field(
                        "TRC0",
                        FieldAccessType.BYTE,
                        false,
                        FieldUpdateRule.PRESERVE,
                        f -> f.unit("CPU0", 8).unit("TZ00", 8))
                .scope(
                        "\\_PR",
                        pr -> pr.processor(
                                "CPU0",
                                0,
                                0,
                                0,
                                c -> c.method("_INI", 0, false, m -> m.store(integer(1), name("\\CPU0")))))
                .scope(
                        "\\_TZ",
                        tz -> tz.thermalZone(
                                "TZ0", z -> z.method("_INI", 0, false, m -> m.store(integer(1), name("\\TZ00"))))));
        assertThat(s.bootAccesses())
                .extracting(RegionAccess::methodPath)
                .containsExactly("\\_PR.CPU0._INI", "\\_TZ.TZ0._INI");
    }

    @Test
    void moduleLevelCodeRunsFirstInLoadOrder() {
        byte[] dsdt = dsdtBytes(t -> t.operationRegion("MLC0", AddressSpace.SYSTEM_MEMORY, integer(0xB000), integer(4))
                .field(
                        "MLC0",
                        FieldAccessType.BYTE,
                        false,
                        FieldUpdateRule.PRESERVE,
                        f -> f.unit("FLD0", 8).unit("FLD1", 8).unit("FLD2", 8))
                .method("_INI", 0, false, m -> m.store(integer(1), name("FLD2")))
                .method("NOTR", 0, false, m -> m.store(integer(1), name("FLD2")))
                .ifThen(
                        op(AmlOpcode.LEQUAL, name("\\_REV"), integer(2)),
                        b -> b.name("CNDN", integer(5))
                                .device("CDEV", d -> d.hid("TST0002"))
                                .store(integer(1), name("FLD0")))
                .scope("\\_SB", sb -> sb.device("DEV0", d -> d.hid("TST0001").store(integer(1), name("FLD1")))));
        byte[] ssdt = DefinitionBlockBuilder.ssdt()
                .content(t -> t.store(integer(2), name("\\FLD1")))
                .build(OemIdentity.DEFAULT);
        List<RawTable> raws = AmlFixtures.raws(dsdt, ssdt);
        NamespaceSurvey s = NamespaceSurvey.of(AmlLoader.load(raws), raws);
        assertThat(s.bootAccesses())
                .extracting(a -> a.address() - 0xB000, RegionAccess::methodPath)
                .containsExactly(
                        tuple(0L, "DSDT module-level code"),
                        tuple(1L, "DSDT module-level code"),
                        tuple(1L, "SSDT module-level code"),
                        tuple(2L, "\\_INI"));
        assertThat(s.diagnostics()).isEmpty();
        assertThat(device(s, "\\_SB.DEV0").conditional()).isFalse();
        assertThat(device(s, "\\CDEV").conditional()).isTrue();
    }

    /**
     * Module-level code goes on past Names whose value is a Package or Buffer (skipped by its PkgLength when the
     * loader parsed the table cleanly), and stops at a damaged Package as before: the loader reported it, so the
     * table is parsed in full and the fault ends the code of its scope.
     */
    @Test
    void moduleLevelCodeRunsPastNamedPackagesAndStopsAtADamagedOne() {
        Consumer<TermListBuilder> region =
                t -> t.operationRegion("MLC0", AddressSpace.SYSTEM_MEMORY, integer(0xB000), integer(4))
                        .field(
                                "MLC0",
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.unit("FLD0", 8).unit("FLD1", 8));
        byte[] clean = dsdtBytes(t -> {
            region.accept(t);
            t.name("PKG0", AmlTerm.pack(integer(1), AmlTerm.pack(string("a")), AmlTerm.buffer(new byte[] {1, 2})))
                    .name("BUF0", AmlTerm.buffer(new byte[] {3, 4, 5}))
                    .store(integer(1), name("FLD0"))
                    .name("PKG1", AmlTerm.pack(integer(2)))
                    .store(integer(1), name("FLD1"));
        });
        List<RawTable> raws = AmlFixtures.raws(clean);
        NamespaceSurvey s = NamespaceSurvey.of(AmlLoader.load(raws), raws);
        assertThat(s.bootAccesses())
                .extracting(a -> a.address() - 0xB000, RegionAccess::methodPath)
                .containsExactly(tuple(0L, "DSDT module-level code"), tuple(1L, "DSDT module-level code"));
        assertThat(s.diagnostics()).isEmpty();

        // Name (BADP, Package (1) { <0x02> }): an element that is no opcode.
        byte[] damaged = dsdtBytes(t -> {
            region.accept(t);
            t.store(integer(1), name("FLD0"))
                    .raw(new byte[] {0x08, 'B', 'A', 'D', 'P', 0x12, 0x03, 0x01, 0x02})
                    .store(integer(1), name("FLD1"));
        });
        List<RawTable> bad = AmlFixtures.raws(damaged);
        NamespaceSurvey d = NamespaceSurvey.of(AmlLoader.load(bad), bad);
        assertThat(d.bootAccesses())
                .extracting(a -> a.address() - 0xB000, RegionAccess::methodPath)
                .containsExactly(tuple(0L, "DSDT module-level code"));
    }

    @Test
    void budgetHitsAreCountedAndNamed() {
        NamespaceSurvey s = survey(t -> t.scope(
                "\\_SB",
                sb -> sb.device("LOOP", d -> d.method("_STA", 0, false, m -> m.whileDo(integer(1), w -> {})))));
        assertThat(s.budgetHits()).isEqualTo(1);
        assertThat(s.diagnostics())
                .extracting(d -> d.message())
                .anyMatch(m -> m.contains("step budget exceeded in \\_SB.LOOP._STA"));
    }
}
