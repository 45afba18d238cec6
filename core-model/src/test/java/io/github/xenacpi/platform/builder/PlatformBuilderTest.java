package io.github.xenacpi.platform.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.RootTable;
import io.github.xenacpi.acpi.table.RsdpTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformBuilderTest {

    private final BuiltPlatform platform = TestPlatforms.typical(2).build();

    @TempDir
    Path dir;

    private RawTable table(String label) {
        return platform.tables().stream()
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private static long address(RawTable t) {
        return t.origin().address();
    }

    private static ByteBuffer le(RawTable t) {
        return ByteBuffer.wrap(t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void laysOutRootPointerRootTableAndTablesInAddOrderAtAlignedAddresses() {
        assertThat(platform.tables())
                .extracting(RawTable::label)
                .containsExactly("RSDP", "XSDT", "FACP", "DSDT", "FACS", "MCFG", "SSDT", "SSDT#2", "APIC");
        assertThat(address(table("RSDP"))).isEqualTo(PlatformBuilder.BASE_ADDRESS);
        assertThat(address(table("XSDT"))).isEqualTo(0x8000_0030L);
        assertThat(address(table("FACP"))).isEqualTo(0x8000_0080L);
        assertThat(address(table("DSDT"))).isEqualTo(0x8000_01A0L);
        assertThat(address(table("FACS"))).isEqualTo(0x8000_02C0L);
        long end = 0;
        for (RawTable t : platform.tables()) {
            assertThat(address(t) % (t.signature().equals("FACS") ? 64 : 16))
                    .as(t.label())
                    .isZero();
            assertThat(address(t)).as(t.label() + " overlaps the table before").isGreaterThanOrEqualTo(end);
            end = address(t) + t.size();
        }
    }

    @Test
    void xsdtListsEveryTableButDsdtAndFacsInAddOrder() {
        LoadedTable xsdt = TableDecoders.standard().decode(table("XSDT"));

        assertThat(xsdt.checksumValid()).isTrue();
        assertThat(xsdt.diagnostics()).isEmpty();
        assertThat(((RootTable) xsdt.table()).entries())
                .containsExactly(
                        address(table("FACP")),
                        address(table("MCFG")),
                        address(table("SSDT")),
                        address(table("SSDT#2")),
                        address(table("APIC")));
    }

    @Test
    void rsdpIsRevisionTwoWithValidChecksumsAndPointsAtTheXsdt() {
        LoadedTable rsdp = TableDecoders.standard().decode(table("RSDP"));

        assertThat(rsdp.checksumValid()).isTrue();
        assertThat(rsdp.diagnostics()).isEmpty();
        RsdpTable r = (RsdpTable) rsdp.table();
        assertThat(r.revision()).isEqualTo(2);
        assertThat(r.length()).isEqualTo(36);
        assertThat(r.oemId()).isEqualTo(OemIdentity.DEFAULT.oemId());
        assertThat(r.xsdtAddress()).isEqualTo(address(table("XSDT")));
    }

    @Test
    void fadtIsPointedAtDsdtAndFacsWithItsChecksumFixed() {
        RawTable facp = table("FACP");
        ByteBuffer b = le(facp);

        assertThat(Integer.toUnsignedLong(b.getInt(40))).isEqualTo(address(table("DSDT")));
        assertThat(b.getLong(140)).isEqualTo(address(table("DSDT")));
        assertThat(Integer.toUnsignedLong(b.getInt(36))).isEqualTo(address(table("FACS")));
        assertThat(b.getLong(132)).isEqualTo(address(table("FACS")));
        assertThat(TableDecoders.standard().decode(facp).checksumValid()).isTrue();
    }

    @Test
    void rawTablesKeepTheirBytesExactly() {
        byte[] fadt = TestPlatforms.fadt();
        BuiltPlatform p = PlatformBuilder.create()
                .addRaw(fadt)
                .addRaw(TestPlatforms.table("DSDT", 4, 0))
                .build();

        assertThat(p.tables().get(2).bytes()).isEqualTo(fadt);
    }

    @Test
    void hostileRawBytesAreLaidOutUnderAPlaceholderSignature() {
        BuiltPlatform p = PlatformBuilder.create()
                .addRaw(new byte[] {1, 2, 3})
                .withoutRootPointer()
                .build();

        assertThat(p.tables()).singleElement().satisfies(t -> {
            assertThat(t.signature()).isEqualTo("????");
            assertThat(t.bytes()).containsExactly(1, 2, 3);
            assertThat(t.origin().address()).isEqualTo(PlatformBuilder.BASE_ADDRESS);
        });
    }

    @Test
    void withoutRootPointerHasNoRsdpNorXsdt() {
        BuiltPlatform p = TestPlatforms.typical(1).withoutRootPointer().build();

        assertThat(p.tables()).extracting(RawTable::signature).doesNotContain("RSDP", "XSDT");
        assertThat(p.tables().get(0).origin().address()).isEqualTo(PlatformBuilder.BASE_ADDRESS);
    }

    @Test
    void otherOemIdentityGoesIntoEveryGeneratedTable() {
        OemIdentity oem = new OemIdentity("ACME", "ACMEBRD", 7, "ACMC", 3);
        BuiltPlatform p =
                PlatformBuilder.create().oem(oem).add(new McfgBuilder()).build();

        assertThat(TableDecoders.standard().decode(p.tables().get(1)).header().oemTableId())
                .isEqualTo("ACMEBRD");
        assertThat(((RsdpTable) TableDecoders.standard()
                                .decode(p.tables().get(0))
                                .table())
                        .oemId())
                .isEqualTo("ACME");
        assertThat(p.image().format()).isEqualTo(SourceFormat.BUILDER);
    }

    @Test
    void acpidumpTextFollowsAcpicaLayoutExactly() {
        byte[] mcfg = new McfgBuilder()
                .allocation(0xEEC0_0000L, 0, 0, 0)
                .build(new OemIdentity("FIRECK", "FCMVMCFG", 1, "FCAT", 0x01240119));
        String checksum = String.format("%02X", mcfg[9] & 0xFF);
        char printable = (mcfg[9] & 0xFF) >= 0x20 && (mcfg[9] & 0xFF) < 0x7F ? (char) mcfg[9] : '.';
        String text = PlatformBuilder.create()
                .addRaw(mcfg)
                .withoutRootPointer()
                .build()
                .acpidumpText();

        assertThat(text)
                .isEqualTo("MCFG @ 0x0000000080000000\n"
                        + "    0000: 4D 43 46 47 3C 00 00 00 01 " + checksum + " 46 49 52 45 43 4B  MCFG<...."
                        + printable
                        + "FIRECK\n"
                        + "    0010: 46 43 4D 56 4D 43 46 47 01 00 00 00 46 43 41 54  FCMVMCFG....FCAT\n"
                        + "    0020: 19 01 24 01 00 00 00 00 00 00 00 00 00 00 C0 EE  ..$.............\n"
                        + "    0030: 00 00 00 00 00 00 00 00 00 00 00 00              ............\n"
                        + "\n");
    }

    @Test
    void rootPointerIsPrintedAsRsdPtrAndEveryTableWithItsAddress() {
        String text = platform.acpidumpText();

        assertThat(text)
                .startsWith("RSD PTR @ 0x0000000080000000\n    0000: 52 53 44 20 50 54 52 20 ")
                .contains("\n\nXSDT @ 0x0000000080000030\n    0000: 58 53 44 54 ")
                .contains("\n\nFACS @ 0x00000000800002C0\n")
                .endsWith("\n\n");
    }

    @Test
    void rowOffsetsWidenPastFourDigits() {
        String text = PlatformBuilder.create()
                .addRaw(TestPlatforms.table("DSDT", 0x10000, 0))
                .withoutRootPointer()
                .build()
                .acpidumpText();

        assertThat(text).contains("\n    FFF0: ").contains("\n   10000: ").contains("\n   10020: ");
    }

    @Test
    void tableDirectoryUsesAcpixtractNames() throws IOException {
        List<Path> files = platform.writeTableDirectory(dir.resolve("x"));

        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactly(
                        "rsdp.dat",
                        "xsdt.dat",
                        "facp.dat",
                        "dsdt.dat",
                        "facs.dat",
                        "mcfg.dat",
                        "ssdt1.dat",
                        "ssdt2.dat",
                        "apic.dat");
        assertThat(Files.readAllBytes(files.get(7))).isEqualTo(table("SSDT#2").bytes());
    }

    @Test
    void sysfsDirectoryUsesKernelNamesWithoutRootTables() throws IOException {
        List<Path> files = platform.writeSysfsDirectory(dir.resolve("tables"));

        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactly("FACP", "DSDT", "FACS", "MCFG", "SSDT1", "SSDT2", "APIC");
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(table("FACP").bytes());
    }
}
