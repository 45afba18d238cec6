package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one binary table file: its signature is taken from its bytes, falling back to what its name says, and
 * a disagreement between the two is reported. Used for a single-file input and for each file of a folder.
 */
final class BinaryTableReader {

    private BinaryTableReader() {
    }

    /** A single binary table given as the whole input. */
    static FirmwareImage readFile(Path file) throws AcpiException {
        TableCollector collector = new TableCollector(file, SourceFormat.BINARY_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new AcpiException("cannot read " + file + ": " + e.getMessage(), e);
        }
        add(collector, file, bytes);
        return collector.image("one file, " + bytes.length + " bytes");
    }

    /**
     * Adds the table held by {@code bytes} (read from {@code file}) to the collector; returns false, with a
     * diagnostic, when neither the bytes nor the file name identify a table.
     */
    static boolean add(TableCollector collector, Path file, byte[] bytes) {
        TableFileName name = TableFileName.of(file.getFileName().toString());
        Optional<String> fromBytes = TableSignature.of(bytes);
        Optional<String> fromName = name.signature();
        String signature;
        if (fromBytes.isPresent()) {
            signature = fromBytes.get();
        } else if (fromName.isPresent()) {
            signature = fromName.get();
        } else {
            collector.source(Severity.WARNING, "skipped %s: neither its bytes (%s) nor its name identify an ACPI"
                    + " table", file, describeStart(bytes));
            return false;
        }
        int instance = collector.nextInstance(signature);
        if (fromBytes.isEmpty()) {
            collector.table(signature, instance, Severity.ERROR, "%s does not start with a table signature and a"
                    + " plausible length (%s); filed as %s after its name", file, describeStart(bytes), signature);
        } else if (fromName.isPresent() && !fromName.get().equals(signature)
                && !(signature.equals(TableSignature.RSDP) && fromName.get().equals("RSD "))) {
            collector.table(signature, instance, Severity.WARNING, "%s is named as a %s but its bytes hold a %s;"
                    + " the signature in the bytes is used", file, fromName.get(), signature);
        }
        collector.add(signature, bytes, new TableOrigin(file, collector.format(), 0, 0, -1));
        return true;
    }

    private static String describeStart(byte[] bytes) {
        if (bytes.length == 0) {
            return "the file is empty";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            hex.append(String.format("%02X ", bytes[i]));
        }
        String text = new String(bytes, 0, Math.min(4, bytes.length), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7E]", ".");
        return bytes.length + " bytes starting " + hex.toString().trim() + " \"" + text + "\"";
    }
}
