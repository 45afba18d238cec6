package io.github.xenacpi.platform.builder.aml;

import static io.github.xenacpi.aml.AmlTerm.buffer;
import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static io.github.xenacpi.aml.AmlTerm.op;
import static io.github.xenacpi.aml.AmlTerm.pack;
import static io.github.xenacpi.aml.AmlTerm.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.ObjectType;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.platform.builder.OemIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AML writer against ACPICA's compiler: the same definition block written as ASL and compiled with
 * {@code iasl}, and written with the builder, must give the same AML bytes; the loader must read iasl's AML.
 */
@Tag("differential")
class AmlIaslDifferentialTest {

    private static final byte[] MEMORY32_FIXED = {
        (byte) 0x86, 0x09, 0x00, 0x01, 0x00, 0x00, 0x00, 0x09, 0x00, 0x10, 0x00, 0x00, 0x79, 0x00
    };

    @TempDir
    Path dir;

    @Test
    void devicesNamesMethodsRegionsAndFieldsCompileToTheSameBytes() throws Exception {
        String asl = """
                Name (INT0, 0)
                Name (INT1, 1)
                Name (INT2, 0xFF)
                Name (INT3, 0x100)
                Name (INT4, 0x10000)
                Name (INT5, 0x100000000)
                Name (INT6, 0xFFFFFFFFFFFFFFFF)
                Name (STR0, "hello")
                Name (BUF0, Buffer () {1, 2, 3})
                Name (PKG0, Package () {1, "a", INT0, Package () {2}})
                Scope (_SB)
                {
                    Device (DEV0)
                    {
                        Name (_HID, "DEMO0001")
                        Name (_CID, EISAID ("PNP0A08"))
                        Name (_UID, One)
                        Name (_CRS, ResourceTemplate ()
                        {
                            Memory32Fixed (ReadWrite, 0x09000000, 0x00001000, )
                        })
                        Method (_STA, 0, NotSerialized)
                        {
                            Return (0x0F)
                        }
                        Method (MTH1, 2, Serialized, 3)
                        {
                            Store (Arg0, Local0)
                            If (LEqual (Arg1, One))
                            {
                                Return (Local0)
                            }
                            Else
                            {
                                Return (Add (Local0, 0x10))
                            }
                        }
                        Name (BASE, 0x100A0000)
                        OperationRegion (DREG, SystemMemory, 0x100B0000, 0x0100)
                        OperationRegion (NREG, SystemMemory, BASE, 0x10)
                        Field (DREG, DWordAcc, Lock, WriteAsZeros)
                        {
                            CTRL,   32,
                            Offset (0x10),
                            STAT,   32,
                            AccessAs (ByteAcc, 0x00),
                                ,   8,
                            FLG,    1
                        }
                        IndexField (CTRL, STAT, ByteAcc, NoLock, Preserve)
                        {
                            Offset (0x04),
                            IDX4,   8
                        }
                        Mutex (MUT0, 0x05)
                        Event (EVT0)
                        CreateDWordField (BUF0, 0x00, DWD0)
                        Alias (MUT0, MUTA)
                    }
                    ThermalZone (TZ00)
                    {
                        Name (_TMP, 0x0BB8)
                    }
                    PowerResource (PWR0, 0x00, 0x0001)
                    {
                        Method (_STA, 0, NotSerialized)
                        {
                            Return (MTH2 (One))
                        }
                    }
                    Method (MTH2, 1, NotSerialized)
                    {
                        Return (Arg0)
                    }
                }
                If (LEqual (\\_SB.MTH2 (0x05), 0x05))
                {
                    Name (COND, One)
                }
                """;
        Consumer<TermListBuilder> built = t -> t.name("INT0", integer(0))
                .name("INT1", integer(1))
                .name("INT2", integer(0xFF))
                .name("INT3", integer(0x100))
                .name("INT4", integer(0x10000))
                .name("INT5", integer(0x1_0000_0000L))
                .name("INT6", integer(-1))
                .name("STR0", string("hello"))
                .name("BUF0", buffer(new byte[] {1, 2, 3}))
                .name("PKG0", pack(integer(1), string("a"), name("INT0"), pack(integer(2))))
                .scope(
                        "_SB",
                        sb -> sb.device(
                                        "DEV0",
                                        d -> d.hid("DEMO0001")
                                                .name("_CID", integer(AmlWriter.eisaId("PNP0A08")))
                                                .uid(1)
                                                .crs(MEMORY32_FIXED)
                                                .method("_STA", 0, false, m -> m.returns(integer(0x0F)))
                                                .method(
                                                        "MTH1",
                                                        2,
                                                        true,
                                                        3,
                                                        m -> m.store(new AmlTerm.Arg(0), new AmlTerm.Local(0))
                                                                .ifElse(
                                                                        op(
                                                                                AmlOpcode.LEQUAL,
                                                                                new AmlTerm.Arg(1),
                                                                                integer(1)),
                                                                        then -> then.returns(new AmlTerm.Local(0)),
                                                                        otherwise -> otherwise.returns(op(
                                                                                AmlOpcode.ADD,
                                                                                new AmlTerm.Local(0),
                                                                                integer(0x10),
                                                                                new AmlTerm.NoTarget()))))
                                                .name("BASE", integer(0x100A_0000L))
                                                .operationRegion(
                                                        "DREG",
                                                        AddressSpace.SYSTEM_MEMORY,
                                                        integer(0x100B_0000L),
                                                        integer(0x100))
                                                .operationRegion(
                                                        "NREG", AddressSpace.SYSTEM_MEMORY, name("BASE"), integer(0x10))
                                                .field(
                                                        "DREG",
                                                        FieldAccessType.DWORD,
                                                        true,
                                                        FieldUpdateRule.WRITE_AS_ZEROS,
                                                        f -> f.unit("CTRL", 32)
                                                                .offset(0x10)
                                                                .unit("STAT", 32)
                                                                .accessAs(FieldAccessType.BYTE, 0)
                                                                .reserved(8)
                                                                .unit("FLG", 1))
                                                .indexField(
                                                        "CTRL",
                                                        "STAT",
                                                        FieldAccessType.BYTE,
                                                        false,
                                                        FieldUpdateRule.PRESERVE,
                                                        f -> f.offset(4).unit("IDX4", 8))
                                                .mutex("MUT0", 5)
                                                .event("EVT0")
                                                .createField(32, name("BUF0"), integer(0), "DWD0")
                                                .alias("MUT0", "MUTA"))
                                .thermalZone("TZ00", z -> z.name("_TMP", integer(3000)))
                                .powerResource(
                                        "PWR0",
                                        0,
                                        1,
                                        p -> p.method("_STA", 0, false, m -> m.returns(call("MTH2", integer(1)))))
                                .method("MTH2", 1, false, m -> m.returns(new AmlTerm.Arg(0))))
                .ifThen(
                        op(AmlOpcode.LEQUAL, call("\\_SB.MTH2", integer(5)), integer(5)),
                        b -> b.name("COND", integer(1)));

        byte[] iasl = compile("DSDT", asl);
        byte[] ours = DefinitionBlockBuilder.dsdt().content(built).build(OemIdentity.DEFAULT);

        assertThat(aml(ours)).isEqualTo(aml(iasl));
        LoadedNamespace loaded = AmlLoader.load(List.of(raw(iasl)));
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.namespace().counts()).isEqualTo(new NamespaceCounts(1, 4, 17, 2, 34));
    }

    @Test
    void externalsCompileInsideIfZeroAndGiveTheLoaderArgumentCounts() throws Exception {
        String asl = """
                External (\\_SB.EXT0, MethodObj)
                External (\\_SB.EXT1, IntObj)
                Method (TEST, 0, NotSerialized)
                {
                    Return (\\_SB.EXT0 (One, 2))
                }
                Name (XX, 0)
                Store (\\_SB.EXT1, XX)
                OperationRegion (EREG, SystemMemory, \\_SB.EXT0 (0x10, 0x20), 0x10)
                """;
        Consumer<TermListBuilder> built = t -> t.ifThen(
                        integer(0),
                        b -> b.external("\\_SB.EXT0", ObjectType.METHOD, 2)
                                .external("\\_SB.EXT1", ObjectType.INTEGER, 0))
                .method("TEST", 0, false, m -> m.returns(call("\\_SB.EXT0", integer(1), integer(2))))
                .name("XX", integer(0))
                .store(name("\\_SB.EXT1"), name("XX"))
                .operationRegion(
                        "EREG",
                        AddressSpace.SYSTEM_MEMORY,
                        call("\\_SB.EXT0", integer(0x10), integer(0x20)),
                        integer(0x10));

        byte[] iasl = compile("SSDT", asl);

        assertThat(aml(DefinitionBlockBuilder.ssdt().content(built).build(OemIdentity.DEFAULT)))
                .isEqualTo(aml(iasl));
        LoadedNamespace loaded = AmlLoader.load(List.of(raw(iasl)));
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.namespace().externals())
                .extracting(e -> e.path() + ":" + e.type() + ":" + e.argCount())
                .containsExactly("\\_SB_.EXT0:METHOD:2", "\\_SB_.EXT1:INTEGER:0");
        assertThat(((AmlObject.OperationRegion)
                                loaded.namespace().node("\\EREG").orElseThrow().object())
                        .offset())
                .isEqualTo(call("\\_SB.EXT0", integer(0x10), integer(0x20)));
    }

    @Test
    void pkgLengthEncodingsMatchIaslAtEveryWidthBoundary() throws Exception {
        int[] sizes = {59, 60, 61, 62, 4088, 4089, 4090, 4091, 4092};
        StringBuilder asl = new StringBuilder();
        DefinitionBlockBuilder ours = DefinitionBlockBuilder.ssdt();
        for (int n : sizes) {
            String nm = String.format("B%03X", n);
            byte[] data = new byte[n];
            Arrays.fill(data, (byte) 0x5A);
            asl.append("Name (").append(nm).append(", Buffer () {");
            for (int i = 0; i < n; i++) {
                asl.append(i == 0 ? "" : ", ").append("0x5A");
            }
            asl.append("})\n");
            ours.content(t -> t.name(nm, buffer(data)));
        }

        byte[] iasl = compile("SSDT", asl.toString());

        assertThat(aml(ours.build(OemIdentity.DEFAULT))).isEqualTo(aml(iasl));
    }

    private byte[] compile(String signature, String body) throws IOException, InterruptedException {
        Assumptions.assumeTrue(iaslInstalled(), "iasl (acpica-tools) is not installed");
        Path src = dir.resolve("t.asl");
        String header = String.format("DefinitionBlock (\"\", \"%s\", 2, \"XENACP\", \"XENACPI \", 1)\n{\n", signature);
        Files.writeString(src, header + body + "}\n", StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder("iasl", "t.asl")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return Files.readAllBytes(dir.resolve("t.aml"));
    }

    private static boolean iaslInstalled() {
        try {
            Process p =
                    new ProcessBuilder("iasl", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] aml(byte[] table) {
        return Arrays.copyOfRange(table, 36, table.length);
    }

    private static RawTable raw(byte[] table) {
        String signature = new String(table, 0, 4, StandardCharsets.US_ASCII);
        return new RawTable(signature, 1, table, new TableOrigin(Path.of("iasl"), SourceFormat.BUILDER, 0, 0, -1));
    }
}
