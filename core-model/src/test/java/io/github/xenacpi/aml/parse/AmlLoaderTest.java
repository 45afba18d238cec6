package io.github.xenacpi.aml.parse;

import static io.github.xenacpi.aml.AmlFixtures.ascii;
import static io.github.xenacpi.aml.AmlFixtures.dsdt;
import static io.github.xenacpi.aml.AmlFixtures.errors;
import static io.github.xenacpi.aml.AmlFixtures.indexOf;
import static io.github.xenacpi.aml.AmlFixtures.load;
import static io.github.xenacpi.aml.AmlFixtures.loadDsdt;
import static io.github.xenacpi.aml.AmlFixtures.node;
import static io.github.xenacpi.aml.AmlFixtures.ssdt;
import static io.github.xenacpi.aml.AmlTerm.buffer;
import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static io.github.xenacpi.aml.AmlTerm.op;
import static io.github.xenacpi.aml.AmlTerm.pack;
import static io.github.xenacpi.aml.AmlTerm.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmlLoaderTest {

    private static final byte[] MEMORY32_FIXED = {
        (byte) 0x86, 0x09, 0x00, 0x01, 0x00, 0x00, 0x00, 0x09, 0x00, 0x10, 0x00, 0x00, 0x79, 0x00
    };

    @Test
    void devicesWithNamesOfEveryDataTypeLandAtTheirAbsolutePaths() {
        byte[] table = dsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.device(
                        "PCI0",
                        d -> d.hidEisa("PNP0A08")
                                .uid(0)
                                .name("STR0", string("hello"))
                                .name("BUF0", buffer(new byte[] {1, 2, 3}))
                                .name("PKG0", pack(integer(1), string("a"), name("STR0"), pack()))
                                .name("BIG0", integer(0x1_0000_0000L))
                                .crs(MEMORY32_FIXED)
                                .device("PRT0", p -> p.hid("XENA0001")))));
        LoadedNamespace loaded = load(table);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.passes()).isEqualTo(1);
        NamespaceNode pci = node(loaded, "\\_SB.PCI0");
        assertThat(pci.type()).isEqualTo(ObjectType.DEVICE);
        assertThat(pci.path()).isEqualTo("\\_SB.PCI0");
        assertThat(pci.fullPath()).isEqualTo("\\_SB_.PCI0");
        // The source offset is the Device opcode's (0x5B 0x82), before its 2-byte PkgLength and its name.
        int at = (int) pci.source().orElseThrow().offset();
        assertThat(pci.source()).contains(new AmlSource("DSDT", 1, indexOf(table, ascii("PCI0")) - 4));
        assertThat(new int[] {table[at] & 0xFF, table[at + 1] & 0xFF}).containsExactly(0x5B, 0x82);
        assertThat(pci.children())
                .extracting(NamespaceNode::segment)
                .containsExactly("_HID", "_UID", "STR0", "BUF0", "PKG0", "BIG0", "_CRS", "PRT0");
        assertThat(value(loaded, "\\_SB.PCI0._HID")).isEqualTo(integer(0x080AD041L));
        assertThat(value(loaded, "\\_SB.PCI0._UID")).isEqualTo(integer(0));
        assertThat(value(loaded, "\\_SB.PCI0.STR0")).isEqualTo(string("hello"));
        assertThat(value(loaded, "\\_SB.PCI0.BUF0")).isEqualTo(buffer(new byte[] {1, 2, 3}));
        assertThat(value(loaded, "\\_SB.PCI0.PKG0")).isEqualTo(pack(integer(1), string("a"), name("STR0"), pack()));
        assertThat(value(loaded, "\\_SB.PCI0.BIG0")).isEqualTo(integer(0x1_0000_0000L));
        assertThat(value(loaded, "\\_SB.PCI0._CRS")).isEqualTo(buffer(MEMORY32_FIXED));
        assertThat(node(loaded, "\\_SB.PCI0.STR0").type()).isEqualTo(ObjectType.STRING);
        assertThat(node(loaded, "\\_SB.PCI0.PKG0").type()).isEqualTo(ObjectType.PACKAGE);
        assertThat(value(loaded, "\\_SB_.PCI0.PRT0._HID")).isEqualTo(string("XENA0001"));
        assertThat(loaded.namespace().counts()).isEqualTo(new NamespaceCounts(2, 0, 8, 0, 10));
    }

    @Test
    void methodKeepsItsFlagsAndItsBodyIsNotParsedAtLoad() {
        // The body holds an opcode no AML has: it must not be looked at until the method runs.
        LoadedNamespace loaded =
                loadDsdt(t -> t.method("MTH1", 2, true, 3, m -> m.raw(new byte[] {(byte) 0xFE, (byte) 0xFE}))
                        .method("_STA", 0, false, m -> m.returns(integer(0x0F)))
                        .name("AFTR", integer(7)));

        assertThat(loaded.diagnostics()).isEmpty();
        AmlObject.Method m = (AmlObject.Method) node(loaded, "\\MTH1").object();
        assertThat(m.argCount()).isEqualTo(2);
        assertThat(m.serialized()).isTrue();
        assertThat(m.syncLevel()).isEqualTo(3);
        assertThat(m.bodyLength()).isEqualTo(2);
        AmlObject.Method sta = (AmlObject.Method) node(loaded, "\\_STA").object();
        assertThat(sta.argCount()).isZero();
        assertThat(sta.serialized()).isFalse();
        assertThat(sta.bodyLength()).isEqualTo(3);
        assertThat(value(loaded, "\\AFTR")).isEqualTo(integer(7));
        assertThat(loaded.namespace().counts().methods()).isEqualTo(2);
    }

    @Test
    void operationRegionsKeepLiteralAndNamedOperandsAndTheirFieldsTheBitLayout() {
        byte[] connection = {(byte) 0x8C, 0x20, 0x00};
        LoadedNamespace loaded = loadDsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.device(
                        "DEV0",
                        d -> d.name("BASE", integer(0x100A_0000L))
                                .operationRegion(
                                        "DREG", AddressSpace.SYSTEM_MEMORY, integer(0x100B_0000L), integer(0x100))
                                .operationRegion(
                                        "NREG",
                                        AddressSpace.SYSTEM_MEMORY,
                                        name("BASE"),
                                        op(AmlOpcode.ADD, integer(0x10), integer(0x20), new AmlTerm.NoTarget()))
                                .operationRegion("GPIO", AddressSpace.GENERAL_PURPOSE_IO, integer(0), integer(1))
                                .field(
                                        "DREG",
                                        FieldAccessType.DWORD,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        f -> f.unit("CTRL", 32)
                                                .offset(0x10)
                                                .unit("STAT", 32)
                                                .accessAs(FieldAccessType.BYTE, 0)
                                                .reserved(8)
                                                .unit("FLG", 1))
                                .field(
                                        "GPIO",
                                        FieldAccessType.BYTE,
                                        true,
                                        FieldUpdateRule.WRITE_AS_ZEROS,
                                        f -> f.connection(connection)
                                                .unit("PIN0", 1)
                                                .connection("\\_SB.DEV0")
                                                .unit("PIN1", 1)))));

        assertThat(loaded.diagnostics()).isEmpty();
        AmlObject.OperationRegion dreg =
                (AmlObject.OperationRegion) node(loaded, "\\_SB.DEV0.DREG").object();
        assertThat(dreg.space()).isEqualTo(AddressSpace.SYSTEM_MEMORY);
        assertThat(dreg.offset().literal()).hasValue(0x100B_0000L);
        assertThat(dreg.length().literal()).hasValue(0x100);
        AmlObject.OperationRegion nreg =
                (AmlObject.OperationRegion) node(loaded, "\\_SB.DEV0.NREG").object();
        assertThat(nreg.offset()).isEqualTo(name("BASE"));
        assertThat(nreg.length()).isEqualTo(op(AmlOpcode.ADD, integer(0x10), integer(0x20), new AmlTerm.NoTarget()));
        assertThat(((AmlObject.OperationRegion) node(loaded, "\\_SB.DEV0.GPIO").object()).space())
                .isEqualTo(AddressSpace.GENERAL_PURPOSE_IO);

        AmlObject.RegionField dregField = new AmlObject.RegionField(AmlName.of("DREG"));
        assertThat(unit(loaded, "\\_SB.DEV0.CTRL"))
                .isEqualTo(
                        new AmlObject.FieldUnit(dregField, 0, 32, new AmlObject.FieldAccess(3, false, 0, 0, 0), null));
        assertThat(unit(loaded, "\\_SB.DEV0.STAT"))
                .isEqualTo(new AmlObject.FieldUnit(
                        dregField, 128, 32, new AmlObject.FieldAccess(3, false, 0, 0, 0), null));
        assertThat(unit(loaded, "\\_SB.DEV0.FLG"))
                .isEqualTo(
                        new AmlObject.FieldUnit(dregField, 168, 1, new AmlObject.FieldAccess(1, false, 0, 0, 0), null));
        AmlObject.FieldUnit pin0 = unit(loaded, "\\_SB.DEV0.PIN0");
        assertThat(pin0.access()).isEqualTo(new AmlObject.FieldAccess(1, true, 2, 0, 0));
        assertThat(pin0.connection()).isEqualTo(buffer(connection));
        assertThat(unit(loaded, "\\_SB.DEV0.PIN1").connection()).isEqualTo(name("\\_SB.DEV0"));
        assertThat(unit(loaded, "\\_SB.DEV0.PIN1").bitOffset()).isEqualTo(1);
        assertThat(loaded.namespace().counts().operationRegions()).isEqualTo(3);
    }

    @Test
    void indexAndBankFieldsNameTheirRegistersAndBank() {
        LoadedNamespace loaded =
                loadDsdt(t -> t.operationRegion("REG0", AddressSpace.SYSTEM_IO, integer(0x70), integer(2))
                        .field(
                                "REG0",
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.unit("IDX0", 8).unit("DAT0", 8))
                        .indexField(
                                "IDX0",
                                "DAT0",
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.offset(4).unit("RTC4", 8))
                        .bankField(
                                "REG0",
                                "IDX0",
                                integer(2),
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.WRITE_AS_ONES,
                                f -> f.unit("BNK2", 16)));

        assertThat(loaded.diagnostics()).isEmpty();
        AmlObject.FieldUnit rtc = unit(loaded, "\\RTC4");
        assertThat(rtc.source()).isEqualTo(new AmlObject.IndexField(AmlName.of("IDX0"), AmlName.of("DAT0")));
        assertThat(rtc.bitOffset()).isEqualTo(32);
        AmlObject.FieldUnit bank = unit(loaded, "\\BNK2");
        assertThat(bank.source())
                .isEqualTo(new AmlObject.BankField(AmlName.of("REG0"), AmlName.of("IDX0"), integer(2)));
        assertThat(bank.access().updateRule()).isEqualTo(1);
    }

    @Test
    void everyOtherNamedObjectIsCreatedWithItsOperands() {
        LoadedNamespace loaded = loadDsdt(t -> t.name("BUFF", buffer(new byte[16]))
                .createField(1, name("BUFF"), integer(3), "BIT0")
                .createField(8, name("BUFF"), integer(1), "BYT0")
                .createField(16, name("BUFF"), integer(2), "WRD0")
                .createField(32, name("BUFF"), integer(4), "DWD0")
                .createField(64, name("BUFF"), integer(8), "QWD0")
                .createField(name("BUFF"), integer(5), integer(7), "FLD0")
                .mutex("MUT0", 5)
                .event("EVT0")
                .processor("CPU0", 1, 0x810, 6, p -> p.name("_UID", integer(1)))
                .powerResource("PWR0", 0, 1, p -> p.method("_STA", 0, false, m -> m.returns(integer(1))))
                .thermalZone("TZ00", z -> z.name("_TMP", integer(3000)))
                .dataTableRegion("DTR0", string("OEM1"), string(""), string(""))
                .alias("MUT0", "MUTA"));

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(node(loaded, "\\BIT0").object())
                .isEqualTo(new AmlObject.BufferField(AmlObject.BufferFieldKind.BIT, name("BUFF"), integer(3), null));
        assertThat(node(loaded, "\\QWD0").object())
                .isEqualTo(new AmlObject.BufferField(AmlObject.BufferFieldKind.QWORD, name("BUFF"), integer(8), null));
        assertThat(node(loaded, "\\FLD0").object())
                .isEqualTo(new AmlObject.BufferField(
                        AmlObject.BufferFieldKind.FIELD, name("BUFF"), integer(5), integer(7)));
        assertThat(List.of("\\BYT0", "\\WRD0", "\\DWD0"))
                .allSatisfy(p -> assertThat(node(loaded, p).type()).isEqualTo(ObjectType.BUFFER_FIELD));
        assertThat(node(loaded, "\\MUT0").object()).isEqualTo(new AmlObject.Mutex(5));
        assertThat(node(loaded, "\\EVT0").type()).isEqualTo(ObjectType.EVENT);
        assertThat(node(loaded, "\\CPU0").object()).isEqualTo(new AmlObject.Processor(1, 0x810, 6));
        assertThat(node(loaded, "\\CPU0._UID").type()).isEqualTo(ObjectType.INTEGER);
        assertThat(node(loaded, "\\PWR0").object()).isEqualTo(new AmlObject.PowerResource(0, 1));
        assertThat(node(loaded, "\\PWR0._STA").type()).isEqualTo(ObjectType.METHOD);
        assertThat(node(loaded, "\\TZ00").type()).isEqualTo(ObjectType.THERMAL_ZONE);
        assertThat(node(loaded, "\\TZ00._TMP").type()).isEqualTo(ObjectType.INTEGER);
        assertThat(node(loaded, "\\DTR0").object())
                .isEqualTo(new AmlObject.DataTableRegion(string("OEM1"), string(""), string("")));
        assertThat(node(loaded, "\\MUTA").object()).isEqualTo(new AmlObject.Alias(AmlName.parse("\\MUT0")));
        assertThat(loaded.namespace().followAlias(node(loaded, "\\MUTA"))).contains(node(loaded, "\\MUT0"));
    }

    @Test
    void relativeNamesFollowTheSearchRulesAndPrefixes() {
        LoadedNamespace loaded = loadDsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.name("GLOB", integer(1))
                        .device("PCI0", d -> d.device("USB0", u -> u.name("LOC0", integer(2))))
                        .scope("PCI0.USB0", u -> u.name("^^ADD1", integer(3)))));
        Namespace ns = loaded.namespace();
        NamespaceNode usb = node(loaded, "\\_SB.PCI0.USB0");

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(ns.resolve(usb, AmlName.of("GLOB"))).contains(node(loaded, "\\_SB.GLOB"));
        assertThat(ns.resolve(usb, AmlName.of("LOC0"))).contains(node(loaded, "\\_SB.PCI0.USB0.LOC0"));
        assertThat(ns.resolve(usb, AmlName.parse("^^GLOB"))).contains(node(loaded, "\\_SB.GLOB"));
        assertThat(ns.resolve(usb, AmlName.parse("PCI0.USB0"))).isEmpty();
        assertThat(ns.resolve(node(loaded, "\\_SB"), AmlName.parse("PCI0.USB0")))
                .contains(usb);
        assertThat(node(loaded, "\\_SB.ADD1").type()).isEqualTo(ObjectType.INTEGER);
    }

    @Test
    void moduleLevelIfAndElseAreParsedAndWhatTheyDeclareIsConditional() {
        LoadedNamespace loaded = loadDsdt(t -> t.name("OSYS", integer(0))
                .ifElse(
                        op(AmlOpcode.LEQUAL, name("OSYS"), integer(1)),
                        then -> then.name("MODE", integer(1)).device("DEVA", d -> d.hid("A")),
                        otherwise -> otherwise.name("MODE", integer(2)))
                .name("LAST", integer(3)));

        assertThat(node(loaded, "\\MODE").conditional()).isTrue();
        assertThat(node(loaded, "\\DEVA").conditional()).isTrue();
        assertThat(node(loaded, "\\DEVA._HID").conditional()).isTrue();
        assertThat(node(loaded, "\\LAST").conditional()).isFalse();
        assertThat(value(loaded, "\\MODE")).isEqualTo(integer(1));
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("\\MODE").contains("AE_ALREADY_EXISTS");
        });
    }

    @Test
    void callOfAMethodDefinedEarlierConsumesItsArguments() {
        LoadedNamespace loaded = loadDsdt(t -> t.method("CHK2", 2, false, m -> m.returns(integer(1)))
                .ifThen(call("CHK2", integer(1), integer(2)), b -> b.name("INIF", integer(1)))
                .ifThen(call("_OSI", string("Windows 2015")), b -> b.name("OSI1", integer(1))));

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.passes()).isEqualTo(1);
        assertThat(node(loaded, "\\INIF").conditional()).isTrue();
        assertThat(node(loaded, "\\OSI1").conditional()).isTrue();
    }

    @Test
    void forwardCallIntoALaterTableIsParsedRightInASecondPass() {
        // Without the callee's argument count the call reads as a bare name and its two arguments as
        // statements, so the Name after it would be parsed inside the wrong package.
        byte[] dsdt = dsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.ifThen(call("\\_SB.LATE", integer(1), string("x")), b -> b.name("INIF", integer(1)))
                        .operationRegion(
                                "REG1",
                                AddressSpace.SYSTEM_MEMORY,
                                call("\\_SB.LATE", integer(2), integer(3)),
                                integer(0x10))
                        .name("AFTR", integer(2))));
        byte[] ssdt = ssdt(t -> t.scope("\\_SB", sb -> sb.method("LATE", 2, false, m -> m.returns(integer(0)))));
        LoadedNamespace loaded = load(dsdt, ssdt);

        assertThat(loaded.passes()).isEqualTo(2);
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(((AmlObject.OperationRegion) node(loaded, "\\_SB.REG1").object()).offset())
                .isEqualTo(call("\\_SB.LATE", integer(2), integer(3)));
        assertThat(value(loaded, "\\_SB.AFTR")).isEqualTo(integer(2));
        assertThat(node(loaded, "\\_SB.INIF").conditional()).isTrue();
    }

    @Test
    void forwardCallWithinOneTableIsParsedRightToo() {
        LoadedNamespace loaded = loadDsdt(t -> t.name("PRE0", integer(1))
                .ifThen(call("LATR", integer(1)), b -> b.name("INIF", integer(1)))
                .method("LATR", 1, false, m -> m.returns(new AmlTerm.Arg(0)))
                .name("AFTR", integer(2)));

        assertThat(loaded.passes()).isEqualTo(2);
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.namespace().nodes())
                .extracting(NamespaceNode::path)
                .endsWith("\\PRE0", "\\INIF", "\\LATR", "\\AFTR");
    }

    @Test
    void externalDeclaresTheArgumentCountOfAMethodElsewhere() {
        LoadedNamespace loaded = load(dsdt(t -> t.external("\\_SB.EXT1", ObjectType.METHOD, 1)
                .operationRegion("REG1", AddressSpace.SYSTEM_MEMORY, call("\\_SB.EXT1", integer(5)), integer(4))));

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.passes()).isEqualTo(1);
        assertThat(loaded.namespace().externals()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("\\_SB_.EXT1");
            assertThat(e.type()).isEqualTo(ObjectType.METHOD);
            assertThat(e.argCount()).isEqualTo(1);
        });
        assertThat(loaded.namespace().node("\\_SB.EXT1")).isEmpty();
        assertThat(((AmlObject.OperationRegion) node(loaded, "\\REG1").object()).offset())
                .isEqualTo(call("\\_SB.EXT1", integer(5)));
    }

    @Test
    void dsdtLoadsFirstAndSsdtsInTheOrderGivenIntoOneNamespace() {
        byte[] ssdt1 = ssdt(t -> t.scope("\\_SB.DEV0", d -> d.name("FROM", integer(1))));
        byte[] ssdt2 =
                ssdt(t -> t.scope("\\_SB.DEV0", d -> d.name("FROM", integer(2)).name("TWO_", integer(2))));
        byte[] dsdt = dsdt(t -> t.scope("\\_SB", sb -> sb.device("DEV0", d -> d.hid("X"))));
        LoadedNamespace loaded = load(ssdt1, ssdt2, dsdt);

        assertThat(value(loaded, "\\_SB.DEV0.FROM")).isEqualTo(integer(1));
        assertThat(node(loaded, "\\_SB.DEV0.FROM").source().orElseThrow().table())
                .isEqualTo("SSDT");
        assertThat(node(loaded, "\\_SB.DEV0.TWO").source().orElseThrow().instance())
                .isEqualTo(2);
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.table()).isEqualTo("SSDT");
            assertThat(d.instance()).isEqualTo(2);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message())
                    .contains("Name \\_SB.DEV0.FROM")
                    .contains("AE_ALREADY_EXISTS")
                    .contains("SSDT@0x");
        });
    }

    @Test
    void onesIsThirtyTwoBitsWideInRevisionOneTables() {
        byte[] rev1 = DefinitionBlockBuilder.dsdt()
                .revision(1)
                .content(t -> t.name("ONES", integer(-1)))
                .build(OemIdentity.DEFAULT);
        byte[] rev2 = dsdt(t -> t.name("ONES", integer(-1)));

        assertThat(value(load(rev1), "\\ONES")).isEqualTo(integer(0xFFFF_FFFFL));
        assertThat(value(load(rev2), "\\ONES")).isEqualTo(integer(-1));
    }

    @Test
    void otherTablesAreNotLoaded() {
        byte[] notAml = dsdt(t -> t.name("XXXX", integer(1)));
        notAml[0] = 'F';
        LoadedNamespace loaded = load(notAml);

        assertThat(loaded.namespace().counts().objects()).isZero();
        assertThat(loaded.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("not a definition block"));
        assertThat(errors(loaded)).isEmpty();
    }

    private static AmlTerm value(LoadedNamespace loaded, String path) {
        return ((AmlObject.Name) node(loaded, path).object()).value();
    }

    private static AmlObject.FieldUnit unit(LoadedNamespace loaded, String path) {
        return (AmlObject.FieldUnit) node(loaded, path).object();
    }
}
