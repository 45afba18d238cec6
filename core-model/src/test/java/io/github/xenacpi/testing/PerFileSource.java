package io.github.xenacpi.testing;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test-side stand-in for {@code FirmwareSource} while that reader is being written: reads one binary table
 * file, or every regular file under a folder (sorted by path), as binary tables named by their first four
 * bytes. Text dumps are not understood here; the suites switch to {@code FirmwareSource.open} at integration
 * through {@link #open(Path)} alone.
 */
public final class PerFileSource {

    private PerFileSource() {
    }

    /** The table files under a machine folder (or the file itself), sorted by path. */
    public static List<Path> tableFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table file under the path as one image; unreadable or too-short files become diagnostics. */
    public static FirmwareImage open(Path path) {
        List<RawTable> tables = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Integer> instances = new HashMap<>();
        for (Path file : tableFiles(path)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                diagnostics.add(Diagnostic.ofSource(Severity.ERROR, file + ": unreadable: " + e.getMessage()));
                continue;
            }
            if (bytes.length < 4) {
                diagnostics.add(Diagnostic.ofSource(Severity.ERROR,
                        file + ": " + bytes.length + " bytes cannot hold a table signature"));
                continue;
            }
            String signature = signatureOf(bytes);
            int instance = instances.merge(signature, 1, Integer::sum);
            tables.add(new RawTable(signature, instance, bytes,
                    new TableOrigin(file, SourceFormat.BINARY_FILE, 0, 0, -1)));
        }
        SourceFormat format = Files.isDirectory(path) ? SourceFormat.TABLE_DIRECTORY : SourceFormat.BINARY_FILE;
        return new FirmwareImage(path, format, tables, diagnostics);
    }

    /** One binary table file as a raw table (instance 1). */
    public static RawTable readTable(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new RawTable(signatureOf(bytes), 1, bytes, new TableOrigin(file, SourceFormat.BINARY_FILE, 0, 0, -1));
    }

    /** The signature in the first bytes: {@code RSDP} for "RSD PTR ", else the first four characters. */
    public static String signatureOf(byte[] bytes) {
        if (bytes.length < 4) {
            return "????";
        }
        String sig = new String(bytes, 0, 4, StandardCharsets.ISO_8859_1);
        return sig.equals("RSD ") ? "RSDP" : sig;
    }
}
