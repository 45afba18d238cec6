package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.AcpidumpTextReader;
import io.github.xenacpi.acpi.source.FirmwareImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The acpidump text reader on any text: it returns an image or throws {@link AcpiException}, nothing else. */
class AcpidumpTextFuzzTest {

    private static final Path FILE = tempFile();

    @FuzzTest(maxDuration = "2m")
    void readsAnyText(FuzzedDataProvider data) throws IOException {
        Files.write(FILE, data.consumeRemainingAsBytes());
        try {
            FirmwareImage image = AcpidumpTextReader.read(FILE);
            FuzzChecks.wellFormed(image.diagnostics());
        } catch (AcpiException expected) {
            // Holding no table, or unreadable: the reader's documented refusal.
        }
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("xenacpi-fuzz", ".txt");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
