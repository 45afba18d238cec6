package io.github.xenacpi.acpi.source;

/**
 * What the first bytes of a file say it is: text (read as an acpidump, whose reader reports a text without
 * tables precisely), a binary ACPI table, or other binary data. Text is told from binary by the absence of NUL
 * and other control bytes (or by a UTF-16 byte order mark), so a binary RSDP (which starts with
 * {@code "RSD PTR "} like a text header) is still binary.
 */
enum ContentKind {
    DUMP_TEXT,
    TABLE,
    OTHER_BINARY;

    static ContentKind of(byte[] head, int size) {
        if (looksLikeText(head, size) || DumpLines.startsWithUtf16Mark(head, size)) {
            return DUMP_TEXT;
        }
        return TableSignature.of(head, size).isPresent() ? TABLE : OTHER_BINARY;
    }

    /** No NUL and no control byte other than tab, CR, LF and form feed. */
    static boolean looksLikeText(byte[] head, int size) {
        for (int i = 0; i < size; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
