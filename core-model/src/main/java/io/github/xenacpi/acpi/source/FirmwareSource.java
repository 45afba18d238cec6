package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a path holding ACPI tables, whatever its form: an acpidump text file, a folder of binary tables
 * (acpixtract output, a copy of /sys/firmware/acpi/tables), or one binary table. The format is detected from
 * the content, never configured.
 */
public final class FirmwareSource {

    /** The largest file the input layer reads (256 MiB); larger files are refused rather than loaded. */
    public static final long MAX_INPUT_BYTES = 256L << 20;

    private static final int SNIFF_BYTES = 4096;

    private FirmwareSource() {}

    /**
     * Reads every table the path holds, in input order.
     *
     * @throws AcpiException when the path cannot be read or holds no ACPI table at all
     */
    public static FirmwareImage open(Path path) throws AcpiException {
        if (!Files.exists(path)) {
            throw new AcpiException("no such file or folder: " + path);
        }
        if (Files.isDirectory(path)) {
            return TableDirectoryReader.read(path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new AcpiException("cannot read " + path + ": not a readable regular file");
        }
        long size = size(path);
        if (size > MAX_INPUT_BYTES) {
            throw new AcpiException(String.format(
                    "refusing %s: %d bytes is more than the %d-byte limit for one"
                            + " input file; no firmware dump is that large",
                    path, size, MAX_INPUT_BYTES));
        }
        if (size == 0) {
            throw new AcpiException("no ACPI table in " + path + ": the file is empty");
        }
        byte[] head = head(path);
        return switch (ContentKind.of(head, head.length)) {
            case DUMP_TEXT -> AcpidumpTextReader.read(path);
            case TABLE -> BinaryTableReader.readFile(path);
            case OTHER_BINARY ->
                throw new AcpiException("no ACPI table in " + path
                        + ": binary data that starts with neither a table signature and plausible length nor"
                        + " \"RSD PTR \"");
        };
    }

    static long size(Path path) throws AcpiException {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new AcpiException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] head(Path path) throws AcpiException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new AcpiException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
