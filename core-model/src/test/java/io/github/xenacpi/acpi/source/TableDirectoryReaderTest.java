package io.github.xenacpi.acpi.source;

import static io.github.xenacpi.platform.builder.TestPlatforms.contents;
import static io.github.xenacpi.platform.builder.TestPlatforms.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.TestPlatforms;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableDirectoryReaderTest {

    private final BuiltPlatform platform = TestPlatforms.typical(2).build();

    @TempDir
    Path dir;

    private byte[] bytes(String label) {
        return platform.tables().stream()
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow()
                .bytes();
    }

    private static List<String> labels(FirmwareImage image) {
        return image.tables().stream().map(RawTable::label).toList();
    }

    @Test
    void acpixtractFolderReadsBackEveryTable() throws Exception {
        platform.writeTableDirectory(dir);

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.format()).isEqualTo(SourceFormat.TABLE_DIRECTORY);
        assertThat(image.diagnostics()).isEmpty();
        assertThat(contents(image.tables())).containsExactlyInAnyOrderElementsOf(contents(platform.tables()));
        assertThat(labels(image))
                .containsExactly("APIC", "DSDT", "FACP", "FACS", "MCFG", "RSDP", "SSDT", "SSDT#2", "XSDT");
        assertThat(image.tables()).allSatisfy(t -> {
            assertThat(t.origin().hasAddress()).isFalse();
            assertThat(t.origin().file().getParent()).isEqualTo(dir);
        });
    }

    @Test
    void numberedFilesAreReadInNumericOrder() throws Exception {
        BuiltPlatform many = TestPlatforms.typical(11).withoutRootPointer().build();
        many.writeTableDirectory(dir);

        FirmwareImage image = FirmwareSource.open(dir);

        List<RawTable> ssdts = image.tables().stream()
                .filter(t -> t.signature().equals("SSDT"))
                .toList();
        List<RawTable> built =
                many.tables().stream().filter(t -> t.signature().equals("SSDT")).toList();
        assertThat(ssdts).hasSize(11);
        for (int i = 0; i < 11; i++) {
            assertThat(ssdts.get(i).instance()).isEqualTo(i + 1);
            assertThat(ssdts.get(i).bytes())
                    .as("ssdt%d.dat", i + 1)
                    .isEqualTo(built.get(i).bytes());
            assertThat(ssdts.get(i).origin().file().getFileName().toString()).isEqualTo("ssdt" + (i + 1) + ".dat");
        }
    }

    @Test
    void namesOfEveryKindInANestedAcpiFolder() throws Exception {
        Path acpi = Files.createDirectories(dir.resolve("acpi"));
        Files.write(acpi.resolve("DSDT.aml"), bytes("DSDT"));
        Files.write(acpi.resolve("FACP.bin"), bytes("FACP"));
        Files.write(acpi.resolve("APIC.its_off"), bytes("APIC"));
        Files.write(acpi.resolve("acpi-hp-envy-x2-ssdt1.dat"), bytes("SSDT"));
        Files.write(acpi.resolve("acpi-hp-envy-x2-ssdt2.dat"), bytes("SSDT#2"));
        Files.write(acpi.resolve("Mcfg.DAT"), bytes("MCFG"));
        Files.writeString(dir.resolve("README"), "tables of my laptop");
        Files.writeString(dir.resolve("MANIFEST.md"), "# tables");
        Files.writeString(acpi.resolve("dsdt.dsl"), "DefinitionBlock (\"\", \"DSDT\", 2, \"\", \"\", 0) {}");

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.format()).isEqualTo(SourceFormat.TABLE_DIRECTORY);
        assertThat(image.diagnostics()).isEmpty();
        assertThat(labels(image)).containsExactly("SSDT", "SSDT#2", "APIC", "DSDT", "FACP", "MCFG");
        assertThat(image.tables().get(1).bytes()).isEqualTo(bytes("SSDT#2"));
    }

    @Test
    void unknownBinaryFilesAreSkippedWithANote() throws Exception {
        Files.write(dir.resolve("dsdt.dat"), bytes("DSDT"));
        Files.write(dir.resolve("blob"), new byte[] {0, 1, 2, 3, 4});
        Files.write(dir.resolve("spare.aml"), new byte[] {0, 1});

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(labels(image)).containsExactly("DSDT");
        assertThat(image.diagnostics())
                .extracting(Diagnostic::severity, Diagnostic::message)
                .containsExactly(
                        tuple(Severity.INFO, "skipped " + dir.resolve("blob") + ": binary data, not an ACPI table"),
                        tuple(
                                Severity.WARNING,
                                "skipped " + dir.resolve("spare.aml")
                                        + ": neither its bytes (2 bytes starting 00 01 \"..\") nor its name identify an ACPI table"));
    }

    @Test
    void tableBytesUnderAnyNameAreFound() throws Exception {
        Files.write(dir.resolve("table-without-extension"), bytes("MCFG"));

        assertThat(labels(FirmwareSource.open(dir))).containsExactly("MCFG");
    }

    @Test
    void signatureComesFromTheBytesAndAMismatchedNameIsReported() throws Exception {
        Files.write(dir.resolve("apic.dat"), bytes("MCFG"));

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(labels(image)).containsExactly("MCFG");
        assertThat(image.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.table()).isEqualTo("MCFG");
            assertThat(d.message())
                    .isEqualTo(dir.resolve("apic.dat") + " is named as a APIC but its bytes hold a"
                            + " MCFG; the signature in the bytes is used");
        });
    }

    @Test
    void bytesThatAreNoTableFallBackToTheFileName() throws Exception {
        Files.write(dir.resolve("dsdt.dat"), new byte[] {'D', 'S'});
        Files.write(dir.resolve("apic.dat"), new byte[0]);

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(labels(image)).containsExactly("APIC", "DSDT");
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        dir.resolve("apic.dat")
                                + " does not start with a table signature and a plausible length (the file"
                                + " is empty); filed as APIC after its name",
                        dir.resolve("dsdt.dat")
                                + " does not start with a table signature and a plausible length (2 bytes"
                                + " starting 44 53 \"DS\"); filed as DSDT after its name");
    }

    @Test
    void sysfsCopyReadsDynamicTablesAfterStaticOnesAndSkipsData() throws Exception {
        platform.writeSysfsDirectory(dir);
        Files.createDirectories(dir.resolve("dynamic"));
        Files.write(dir.resolve("dynamic/SSDT3"), table("SSDT", 10, 0x33));
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/BERT"), new byte[64]);

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.format()).isEqualTo(SourceFormat.SYSFS_DIRECTORY);
        assertThat(labels(image)).containsExactly("APIC", "DSDT", "FACP", "FACS", "MCFG", "SSDT", "SSDT#2", "SSDT#3");
        assertThat(image.tables().get(7).bytes()).isEqualTo(table("SSDT", 10, 0x33));
        assertThat(image.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message())
                    .startsWith("data" + File.separator + "BERT skipped: sysfs data/ files"
                            + " hold the firmware memory a table points at");
        });
    }

    @Test
    void sysfsCopyIsRecognisedByItsNamesAlone() throws Exception {
        platform.writeSysfsDirectory(dir);

        assertThat(FirmwareSource.open(dir).format()).isEqualTo(SourceFormat.SYSFS_DIRECTORY);
    }

    @Test
    void otherSubFoldersAreNotRead() throws Exception {
        Files.write(dir.resolve("dsdt.dat"), bytes("DSDT"));
        Files.createDirectories(dir.resolve("other-machine"));
        Files.write(dir.resolve("other-machine/dsdt.dat"), bytes("DSDT"));

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(labels(image)).containsExactly("DSDT");
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("sub-folder other-machine not read: only acpi/, tables/ and dynamic/ hold tables");
    }

    @Test
    void absurdFilesAndFoldersAreRefusedBeforeTheyAreRead() throws Exception {
        Files.write(dir.resolve("apic.dat"), bytes("APIC"));
        Files.write(dir.resolve("dsdt.dat"), bytes("DSDT"));
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("ssdt.dat").toFile(), "rw")) {
            f.setLength(FirmwareSource.MAX_INPUT_BYTES + 1);
        }

        FirmwareImage image = TableDirectoryReader.read(dir, 300);

        assertThat(labels(image)).containsExactly("APIC");
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "skipped " + dir.resolve("dsdt.dat") + ": its 236 bytes would take the folder past the 300-byte"
                                + " limit for one input",
                        "skipped " + dir.resolve("ssdt.dat") + ": 268435457 bytes is more than the 268435456-byte limit"
                                + " for one table file");
    }

    @Test
    void folderWithOnlyAnAcpidumpTextIsReadAsThatText() throws Exception {
        Files.writeString(dir.resolve("D168CDF2391B.bin"), platform.acpidumpText());
        Files.writeString(dir.resolve("README"), "hw-probe upload");

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.format()).isEqualTo(SourceFormat.ACPIDUMP_TEXT);
        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(dir + " holds no binary" + " table; its acpidump text D168CDF2391B.bin was read");
    }

    @Test
    void acpidumpTextBesideBinaryTablesIsNotedNotRead() throws Exception {
        Files.write(dir.resolve("dsdt.dat"), bytes("DSDT"));
        Files.writeString(dir.resolve("acpidump.txt"), platform.acpidumpText());
        Files.writeString(dir.resolve("other.txt"), platform.acpidumpText());

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(labels(image)).containsExactly("DSDT");
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "acpidump text acpidump.txt not read: the folder's binary tables are used",
                        "acpidump text other.txt not read: the folder's binary tables are used");
        Files.delete(dir.resolve("dsdt.dat"));
        assertThatThrownBy(() -> FirmwareSource.open(dir))
                .isInstanceOf(AcpiException.class)
                .hasMessage("no binary table in " + dir
                        + " but 2 acpidump texts (acpidump.txt, other.txt); open one of them");
    }

    @Test
    void folderWithoutTablesIsRefused() throws Exception {
        Files.writeString(dir.resolve("README"), "nothing here");

        assertThatThrownBy(() -> FirmwareSource.open(dir))
                .isInstanceOf(AcpiException.class)
                .hasMessage("no ACPI table found in " + dir + ": 1 files looked at");
    }

    @Test
    void readOrderComparesNumbersAsNumbers() {
        List<String> names = List.of("ssdt10.dat", "ssdt2.dat", "ssdt.dat", "SSDT1.dat", "dsdt.dat");

        assertThat(names.stream()
                        .map(TableFileName::of)
                        .sorted(TableFileName.READ_ORDER)
                        .map(TableFileName::name))
                .containsExactly("dsdt.dat", "ssdt.dat", "SSDT1.dat", "ssdt2.dat", "ssdt10.dat");
        assertThat(TableFileName.of("acpi-hp-envy-x2-ssdt3.dat").signature()).contains("SSDT");
        assertThat(TableFileName.of("fft_.dat").signature()).contains("FFT_");
        assertThat(TableFileName.of("dbg2.dat").signature()).contains("DBG2");
        assertThat(TableFileName.of("notes.txt").namesTable()).isFalse();
        assertThat(TableFileName.of("APIC.its_off").namesTable()).isTrue();
    }

    @Test
    void builderPlatformWithoutRootReadsBackFromEveryFolderForm() throws Exception {
        BuiltPlatform p = PlatformBuilder.create()
                .addRaw(table("DSDT", 4, 1))
                .withoutRootPointer()
                .build();
        p.writeTableDirectory(dir.resolve("x"));
        p.writeSysfsDirectory(dir.resolve("s"));

        assertThat(contents(FirmwareSource.open(dir.resolve("x")).tables())).isEqualTo(contents(p.tables()));
        assertThat(contents(FirmwareSource.open(dir.resolve("s")).tables())).isEqualTo(contents(p.tables()));
    }
}
