package io.github.xenacpi.acpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.TestPlatforms;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareSourceTest {

    private final BuiltPlatform platform = TestPlatforms.typical(1).build();

    @TempDir
    Path dir;

    @Test
    void singleBinaryTableIsOneTableFile() throws Exception {
        Path file = dir.resolve("DSDT.aml");
        Files.write(file, platform.tables().get(3).bytes());

        FirmwareImage image = FirmwareSource.open(file);

        assertThat(image.format()).isEqualTo(SourceFormat.BINARY_FILE);
        assertThat(image.diagnostics()).isEmpty();
        assertThat(image.tables()).singleElement().satisfies(t -> {
            assertThat(t.signature()).isEqualTo("DSDT");
            assertThat(t.bytes()).isEqualTo(platform.tables().get(3).bytes());
            assertThat(t.origin()).isEqualTo(new TableOrigin(file, SourceFormat.BINARY_FILE, 0, 0, -1));
        });
    }

    @Test
    void binaryRootPointerIsNotMistakenForATextHeader() throws Exception {
        Path file = dir.resolve("rsdp.dat");
        Files.write(file, platform.tables().get(0).bytes());

        FirmwareImage image = FirmwareSource.open(file);

        assertThat(image.format()).isEqualTo(SourceFormat.BINARY_FILE);
        assertThat(image.tables())
                .singleElement()
                .extracting(RawTable::signature)
                .isEqualTo("RSDP");
    }

    @Test
    void textIsReadAsAnAcpidumpWhateverItsName() throws Exception {
        Path file = dir.resolve("tables.dat");
        Files.writeString(file, platform.acpidumpText());

        assertThat(FirmwareSource.open(file).format()).isEqualTo(SourceFormat.ACPIDUMP_TEXT);
    }

    @Test
    void binaryDataThatIsNoTableIsRefused() throws Exception {
        Path file = dir.resolve("firmware.bin");
        Files.write(file, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});

        assertThatThrownBy(() -> FirmwareSource.open(file))
                .isInstanceOf(AcpiException.class)
                .hasMessageContaining("binary data that starts with neither a table signature");
    }

    @Test
    void textWithoutHeadersIsRefusedWithWhatWasSeen() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");

        assertThatThrownBy(() -> FirmwareSource.open(file))
                .isInstanceOf(AcpiException.class)
                .hasMessageContaining("no ACPI table found in " + file)
                .hasMessageContaining("line 1 ignored: neither a table header");
    }

    @Test
    void missingAndEmptyPathsAreRefused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.dat"));

        assertThatThrownBy(() -> FirmwareSource.open(dir.resolve("nope")))
                .isInstanceOf(AcpiException.class)
                .hasMessage("no such file or folder: " + dir.resolve("nope"));
        assertThatThrownBy(() -> FirmwareSource.open(empty))
                .isInstanceOf(AcpiException.class)
                .hasMessage("no ACPI table in " + empty + ": the file is empty");
    }
}
