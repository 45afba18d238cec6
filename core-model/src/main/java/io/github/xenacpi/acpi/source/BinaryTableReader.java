package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads one binary table file: its signature is taken from its bytes, falling back to what its name says, and
 * a disagreement between the two is reported. Used for a single-file input and for each file of a folder.
 */
final class BinaryTableReader {

    private BinaryTableReader() {}

    /**
     * The most bytes read of one table file: 32 times the largest table of the real-firmware corpus (a 484 KiB
     * DSDT). A header that declares more is believed only this far.
     */
    static final int MAX_TABLE_BYTES = 16 << 20;

    /** Bytes read of a file whose first bytes declare no plausible table length. */
    static final int MAX_UNDECLARED_BYTES = 64 << 10;

    /** The bytes of a header that say a table's signature and length. */
    private static final int HEAD_BYTES = 36;

    /** A single binary table given as the whole input. */
    static FirmwareImage readFile(Path file) throws AcpiException {
        TableCollector collector = new TableCollector(file, SourceFormat.BINARY_FILE);
        byte[] bytes;
        try {
            bytes = read(collector, file);
        } catch (IOException | OutOfMemoryError e) {
            throw new AcpiException("cannot read " + file + ": " + e.getMessage(), e);
        }
        add(collector, file, bytes);
        return collector.image("one file, " + bytes.length + " bytes");
    }

    /**
     * The bytes of a table file, read no further than the table can reach: its declared length (at most
     * {@link #MAX_TABLE_BYTES}) and up to {@link #MAX_UNDECLARED_BYTES} more, or {@link #MAX_UNDECLARED_BYTES}
     * when its first bytes declare no length. Bytes left unread are reported with the reason.
     */
    static byte[] read(TableCollector collector, Path file) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            byte[] head = new byte[HEAD_BYTES];
            int headRead = readFully(in, head, 0);
            long declared =
                    TableSignature.of(head, headRead).isPresent() ? TableSignature.declaredLength(head, headRead) : -1;
            // Up to MAX_UNDECLARED_BYTES past the declared length are kept for the table's own diagnostic.
            long limit = declared < 0
                    ? MAX_UNDECLARED_BYTES
                    : declared > MAX_TABLE_BYTES
                            ? MAX_TABLE_BYTES
                            : Math.max(declared, headRead) + MAX_UNDECLARED_BYTES;
            // Read into an array of the size to keep, not into buffers that are copied again.
            byte[] bytes = Arrays.copyOf(head, (int) Math.max(headRead, Math.min(in.size(), limit)));
            int n = headRead < HEAD_BYTES ? headRead : readFully(in, bytes, headRead);
            bytes = n < bytes.length ? Arrays.copyOf(bytes, n) : readOn(in, bytes, limit);
            long more = Files.size(file) - bytes.length;
            if (more > 0) {
                String why = declared > MAX_TABLE_BYTES
                        ? String.format(
                                "its header declares %d bytes, more than" + " the %d-byte limit for one table",
                                declared, MAX_TABLE_BYTES)
                        : declared >= 0
                                ? String.format(
                                        "they lie more than %d bytes past the %d bytes its header" + " declares",
                                        MAX_UNDECLARED_BYTES, declared)
                                : String.format(
                                        "its first bytes declare no table length; only %d bytes were read",
                                        MAX_UNDECLARED_BYTES);
                collector.source(Severity.WARNING, "%s: %d bytes not read: %s", file, more, why);
            }
            return bytes;
        }
    }

    /**
     * The bytes read so far followed by those past them up to {@code limit}: none for a file of the size the file
     * system gave, more for one whose size it understated (a pseudo file).
     */
    private static byte[] readOn(SeekableByteChannel in, byte[] bytes, long limit) throws IOException {
        ByteBuffer next = ByteBuffer.allocate(1);
        if (bytes.length >= limit || in.read(next) <= 0) {
            return bytes;
        }
        byte[] rest = Channels.newInputStream(in).readNBytes((int) (limit - bytes.length - 1));
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = next.get(0);
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
    }

    /** Fills {@code into} from {@code from} on, up to the end of the file; returns the offset reached. */
    private static int readFully(SeekableByteChannel in, byte[] into, int from) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, from, into.length - from);
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
            // Read on: a channel may return fewer bytes than asked for.
        }
        return buffer.position();
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
            collector.source(
                    Severity.WARNING,
                    "skipped %s: neither its bytes (%s) nor its name identify an ACPI" + " table",
                    file,
                    describeStart(bytes));
            return false;
        }
        int instance = collector.nextInstance(signature);
        if (fromBytes.isEmpty()) {
            collector.table(
                    signature,
                    instance,
                    Severity.ERROR,
                    "%s does not start with a table signature and a"
                            + " plausible length (%s); filed as %s after its name",
                    file,
                    describeStart(bytes),
                    signature);
        } else if (fromName.isPresent()
                && !fromName.get().equals(signature)
                && !(signature.equals(TableSignature.RSDP) && fromName.get().equals("RSD "))) {
            collector.table(
                    signature,
                    instance,
                    Severity.WARNING,
                    "%s is named as a %s but its bytes hold a %s;" + " the signature in the bytes is used",
                    file,
                    fromName.get(),
                    signature);
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
