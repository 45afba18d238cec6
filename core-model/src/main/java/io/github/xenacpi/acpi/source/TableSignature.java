package io.github.xenacpi.acpi.source;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises an ACPI table from its first bytes: the root pointer's {@code "RSD PTR "}, or a four-character
 * signature followed by a length field that a real table could have. Used to detect binary inputs and to name
 * tables by their bytes rather than by their file names.
 */
public final class TableSignature {

    /** The signature under which a Root System Description Pointer is filed. */
    public static final String RSDP = "RSDP";

    /** Largest table length the input layer believes; anything larger is not a table header. */
    public static final long MAX_PLAUSIBLE_LENGTH = FirmwareSource.MAX_INPUT_BYTES;

    private static final Pattern NAME = Pattern.compile("[A-Z0-9_][A-Za-z0-9_]{3}");
    private static final byte[] RSD_PTR = "RSD PTR ".getBytes(StandardCharsets.US_ASCII);

    private TableSignature() {}

    /** Whether a four-character text can be a table signature (letters, digits, underscore; first not lower-case). */
    public static boolean isName(String text) {
        return text.length() == 4 && NAME.matcher(text).matches();
    }

    /**
     * The signature the bytes start with, when they look like a table: {@code RSDP} for {@code "RSD PTR "}, or
     * a four-character name whose length field (bytes 4..7) is at least 8 and at most
     * {@link #MAX_PLAUSIBLE_LENGTH}.
     */
    public static Optional<String> of(byte[] head, int size) {
        if (size >= RSD_PTR.length && startsWith(head, RSD_PTR)) {
            return Optional.of(RSDP);
        }
        if (size < 8) {
            return Optional.empty();
        }
        String name = new String(head, 0, 4, StandardCharsets.US_ASCII);
        long length = u32(head, 4);
        return isName(name) && length >= 8 && length <= MAX_PLAUSIBLE_LENGTH ? Optional.of(name) : Optional.empty();
    }

    /** {@link #of(byte[], int)} over a whole array. */
    public static Optional<String> of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /**
     * The length the table's own bytes declare, or -1 when too few bytes are present to hold it: bytes 20..23
     * of an RSDP of revision 2 or later (20 for revision 0), bytes 4..7 of any other table.
     */
    public static long declaredLength(byte[] bytes, int size) {
        if (size >= RSD_PTR.length && startsWith(bytes, RSD_PTR)) {
            if (size < 16) {
                return -1;
            }
            return bytes[15] < 2 ? 20 : size >= 24 ? u32(bytes, 20) : -1;
        }
        return size >= 8 ? u32(bytes, 4) : -1;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
