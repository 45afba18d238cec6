package io.github.xenacpi.aml.parse;

import static io.github.xenacpi.aml.AmlFixtures.ascii;
import static io.github.xenacpi.aml.AmlFixtures.dsdt;
import static io.github.xenacpi.aml.AmlFixtures.errors;
import static io.github.xenacpi.aml.AmlFixtures.indexOf;
import static io.github.xenacpi.aml.AmlFixtures.load;
import static io.github.xenacpi.aml.AmlFixtures.loadDsdt;
import static io.github.xenacpi.aml.AmlFixtures.node;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import io.github.xenacpi.platform.builder.aml.AmlWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definition blocks built to break a loader: each must end in findings, never a hang or an exception. */
class AmlHostileInputTest {

    @Test
    void pkgLengthPastTheEndOfTheTableIsClampedAndTheContentsStillLoad() {
        byte[] table = dsdt(t -> t.name("BEFR", integer(1))
                .raw(new byte[] {0x5B, (byte) 0x82, (byte) 0xCF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})
                .raw(ascii("DEV1"))
                .hid("XENA0001"));
        int pkgLength = indexOf(table, ascii("DEV1")) - 4;
        LoadedNamespace loaded = load(table);

        assertThat(node(loaded, "\\BEFR").type()).isEqualTo(ObjectType.INTEGER);
        assertThat(node(loaded, "\\DEV1._HID").type()).isEqualTo(ObjectType.STRING);
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(pkgLength);
            assertThat(d.message())
                    .contains("PkgLength 268435455")
                    .contains(String.format("past the end of the enclosing package at 0x%X", table.length));
        });
    }

    @Test
    void unknownOpcodeIsReportedAtItsOffsetAndTheRestOfItsPackageSkipped() {
        byte[] table = dsdt(t -> t.device(
                        "DEV0",
                        d -> d.name("KEPT", integer(1))
                                .raw(new byte[] {(byte) 0xFE, 0x01, 0x02})
                                .name("LOST", integer(2)))
                .name("AFTR", integer(3)));
        int bad = indexOf(table, new byte[] {(byte) 0xFE, 0x01, 0x02});
        int deviceEnd = indexOf(table, ascii("AFTR")) - 1;
        LoadedNamespace loaded = load(table);

        assertThat(loaded.namespace().node("\\DEV0.KEPT")).isPresent();
        assertThat(loaded.namespace().node("\\DEV0.LOST")).isEmpty();
        assertThat(loaded.namespace().node("\\AFTR")).isPresent();
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.table()).isEqualTo("DSDT");
            assertThat(d.offset()).isEqualTo(bad);
            assertThat(d.message())
                    .isEqualTo(String.format(
                            "unknown or misplaced opcode 0xFE; skipped to 0x%X, the end of the enclosing Device",
                            deviceEnd));
        });
    }

    @Test
    void whileOneAtTableLevelIsParsedNeverRun() {
        LoadedNamespace loaded = loadDsdt(t -> t.whileDo(integer(1), b -> {})
                .whileDo(integer(1), b -> b.name("INWH", integer(1)).store(integer(1), name("INWH")))
                .name("AFTR", integer(2)));

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(node(loaded, "\\INWH").conditional()).isTrue();
        assertThat(node(loaded, "\\AFTR").conditional()).isFalse();
    }

    @Test
    void devicesNestedDeeperThanTheLimitEndInOneFindingNotAStackOverflow() {
        byte[] inner = new AmlWriter().u8(0x08).nameString("DEEP").integer(1).toBytes();
        for (int i = 999; i >= 0; i--) {
            inner = new AmlWriter()
                    .pkg(
                            0x5B82,
                            new AmlWriter()
                                    .nameString(String.format("D%03d", i))
                                    .bytes(inner)
                                    .toBytes())
                    .toBytes();
        }
        byte[] nested = inner;
        LoadedNamespace loaded = loadDsdt(t -> t.raw(nested).name("AFTR", integer(1)));

        assertThat(loaded.namespace().node("\\AFTR")).isPresent();
        assertThat(loaded.namespace().nodes().stream()
                        .filter(n -> n.type() == ObjectType.DEVICE)
                        .count())
                .isBetween(100L, (long) AmlLoader.MAX_DEPTH);
        assertThat(loaded.diagnostics())
                .singleElement()
                .satisfies(d ->
                        assertThat(d.message()).contains("nesting deeper than " + AmlLoader.MAX_DEPTH + " levels"));
    }

    @Test
    void deeplyNestedPackagesAndExpressionsEndInFindings() {
        byte[] pkg = {0x12, 0x02, 0x00};
        for (int i = 0; i < 1000; i++) {
            pkg = new AmlWriter()
                    .pkg(0x12, new AmlWriter().u8(1).bytes(pkg).toBytes())
                    .toBytes();
        }
        byte[] lnots = new byte[20_000];
        Arrays.fill(lnots, (byte) 0x92);
        byte[] predicate = new AmlWriter().bytes(lnots).u8(0x01).toBytes();
        byte[] deepIf = new AmlWriter().pkg(0xA0, predicate).toBytes();
        byte[] deepPackage = pkg;
        LoadedNamespace loaded = loadDsdt(t -> t.raw(new AmlWriter()
                        .u8(0x08)
                        .nameString("PKGD")
                        .bytes(deepPackage)
                        .toBytes())
                .raw(deepIf)
                .name("AFTR", integer(1)));

        assertThat(loaded.namespace().node("\\PKGD")).isPresent();
        assertThat(loaded.namespace().node("\\AFTR")).isPresent();
        assertThat(loaded.diagnostics())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.message()).contains("nesting deeper than"));
    }

    @Test
    void aliasesThatResolveToEachOtherAreReportedAndNeverFollowedForever() {
        LoadedNamespace loaded = loadDsdt(t -> t.alias("\\BBBB", "\\AAAA")
                .alias("\\AAAA", "\\BBBB")
                .alias("\\CCCC", "\\CCCC")
                .scope("\\AAAA", s -> s.name("INSC", integer(1)))
                .ifThen(name("AAAA"), b -> b.name("INIF", integer(1))));
        Namespace ns = loaded.namespace();

        assertThat(ns.followAlias(node(loaded, "\\AAAA"))).isEmpty();
        assertThat(ns.followAlias(node(loaded, "\\BBBB"))).isEmpty();
        assertThat(ns.followAlias(node(loaded, "\\CCCC"))).isEmpty();
        assertThat(ns.node("\\INSC")).isEmpty();
        assertThat(node(loaded, "\\INIF").conditional()).isTrue();
        assertThat(loaded.diagnostics())
                .extracting(d -> d.message())
                .containsExactlyInAnyOrder(
                        "Scope (\\AAAA) in \\: no such object (AE_NOT_FOUND); the 13-byte Scope is skipped",
                        "Alias \\AAAA stands for no object: it resolves to itself (\\AAAA -> \\BBBB -> \\AAAA)",
                        "Alias \\BBBB stands for no object: it resolves to itself (\\BBBB -> \\AAAA -> \\BBBB)",
                        "Alias \\CCCC stands for no object: it resolves to itself (\\CCCC -> \\CCCC)");
    }

    @Test
    void hugeDeclaredSizesAreKeptAsTermsAndNeverAllocated() {
        LoadedNamespace loaded =
                loadDsdt(t -> t.name("HUGE", new AmlTerm.BufferData(integer(0xFFFF_FFFFL), new byte[] {1}))
                        .name("HUG2", new AmlTerm.BufferData(integer(-1), new byte[0]))
                        .name("VPKG", new AmlTerm.PackageData(integer(-1), List.of(integer(1)), true))
                        .name("PKG1", new AmlTerm.PackageData(integer(255), List.of(), false)));

        assertThat(loaded.diagnostics()).isEmpty();
        AmlTerm.BufferData huge =
                (AmlTerm.BufferData) ((AmlObject.Name) node(loaded, "\\HUGE").object()).value();
        assertThat(huge.size()).isEqualTo(integer(0xFFFF_FFFFL));
        assertThat(huge.initializer()).containsExactly(1);
        assertThat(((AmlObject.Name) node(loaded, "\\VPKG").object()).value())
                .isEqualTo(new AmlTerm.PackageData(integer(-1), List.of(integer(1)), true));
    }

    @Test
    void truncatedTableKeepsWhatItDefinedBeforeTheFault() {
        byte[] whole = dsdt(t -> t.name("ONE_", integer(1))
                .device("DEV0", d -> d.name("TWO_", integer(2)).name("THRE", integer(3))));
        byte[] cut = TableFixtures.truncate(whole, indexOf(whole, ascii("THRE")) + 2);
        LoadedNamespace loaded = load(cut);

        assertThat(loaded.namespace().node("\\ONE")).isPresent();
        assertThat(loaded.namespace().node("\\DEV0.TWO")).isPresent();
        assertThat(loaded.namespace().node("\\DEV0.THRE")).isEmpty();
        assertThat(errors(loaded))
                .extracting(d -> d.offset())
                .containsExactly(4L, (long) indexOf(whole, ascii("DEV0")) - 1, (long) cut.length - 2);
        assertThat(errors(loaded).get(0).message())
                .contains("length field says " + whole.length)
                .contains(cut.length + " are present");
        assertThat(errors(loaded).get(1).message()).contains("PkgLength").contains("past the end");
        assertThat(errors(loaded).get(2).message()).contains("NameSeg needs 4 bytes");
    }

    @Test
    void tableShorterThanItsHeaderLoadsNothing() {
        LoadedNamespace loaded = load(TableFixtures.truncate(dsdt(t -> t.name("XXXX", integer(1))), 20));

        assertThat(loaded.namespace().counts().objects()).isZero();
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.message()).contains("20 bytes, fewer than the 36-byte header");
        });
    }

    @Test
    void malformedNamesAreFindings() {
        LoadedNamespace loaded = loadDsdt(t -> t.device("DEV0", d -> d.raw(new byte[] {0x08, 'a', '?', 'c', 'd', 0x01}))
                .device("DEV1", d -> d.raw(new byte[] {0x08, 0x2F, 0x00, 0x01}))
                .device("DEV2", d -> d.name("^^UP", integer(1)))
                .raw(new byte[] {0x08, '^', 0x00, 0x01, 0x08, '\\', 0x00, 0x01, 0x08, 0x00, 0x01})
                .device("DEV3", d -> d.raw(new byte[] {0x08, 'S', 'T', 'R', '0', 0x0D, 'a', 'b'}))
                .name("AFTR", integer(1)));

        assertThat(loaded.namespace().node("\\AFTR")).isPresent();
        assertThat(loaded.diagnostics())
                .extracting(d -> d.message())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("invalid NameSeg bytes 61 3F 63 64"),
                        m -> assertThat(m).startsWith("MultiNamePrefix with a segment count of 0"),
                        m -> assertThat(m)
                                .isEqualTo("Name ^^UP in \\DEV2: its parent scope does not exist (AE_NOT_FOUND);"
                                        + " not created"),
                        m -> assertThat(m).isEqualTo("Name declared with no name segment (^) in \\; ignored"),
                        m -> assertThat(m).isEqualTo("Name declared with no name segment (\\) in \\; ignored"),
                        m -> assertThat(m).isEqualTo("Name declared with no name segment (NullName) in \\; ignored"),
                        m -> assertThat(m).contains("has no terminating NUL"));
    }

    @Test
    void duplicateDeviceIsReportedOnceAndItsBodyNotMerged() {
        LoadedNamespace loaded = loadDsdt(t -> t.device("DEV0", d -> d.name("_UID", integer(1)))
                .device("DEV0", d -> d.name("_UID", integer(2)).name("EXTR", integer(3))));

        assertThat(node(loaded, "\\DEV0").children())
                .extracting(NamespaceNode::segment)
                .containsExactly("_UID");
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("Device \\DEV0").contains("AE_ALREADY_EXISTS");
        });
    }
}
