package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The descriptor reader on any text: it gives a descriptor, which written back and read again is the same, or a
 * {@link PlatformException} whose message names the file and speaks no Java.
 */
class DescriptorFuzzTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempDirectory("xenacpi-descriptor-fuzz").resolve(PlatformDescriptorReader.FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void readsAnyDescriptorText(FuzzedDataProvider data) throws IOException {
        Files.write(FILE, data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8));
        PlatformDescriptor d;
        try {
            d = PlatformDescriptorReader.read(FILE);
        } catch (PlatformException e) {
            String m = e.getMessage();
            // What the message quotes is the user's own text, which may say anything: judge the rest.
            String own = m.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            if (!m.startsWith(FILE.toString()) || own.contains("java.") || own.contains("Exception")) {
                throw new IllegalStateException("a descriptor error that names no file or speaks Java: " + m);
            }
            return;
        }
        Files.writeString(FILE, PlatformDescriptorReader.json(d));
        try {
            if (!PlatformDescriptorReader.read(FILE).equals(d)) {
                throw new IllegalStateException("a descriptor does not read back equal: " + d);
            }
        } catch (PlatformException e) {
            throw new IllegalStateException("a descriptor written does not read back: " + e.getMessage(), e);
        }
    }
}
