package io.github.xenacpi.acpi.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file is, from its first bytes and never its name: an acpidump text (it has a table header line such as
 * {@code DSDT @ 0x0}), a binary ACPI table, or something else (other text such as a README or an iasl
 * disassembly, or other binary data such as an image). Lets a caller tell firmware from what lies beside it
 * before reading anything whole.
 */
public enum FirmwareFileKind {
    ACPIDUMP_TEXT,
    TABLE,
    OTHER_TEXT,
    OTHER_BINARY;

    private static final int PEEK_BYTES = 4096;

    /** Whether the kind holds ACPI tables. */
    public boolean holdsTables() {
        return this == ACPIDUMP_TEXT || this == TABLE;
    }

    /**
     * The kind of a regular file.
     *
     * @throws IOException when the file cannot be read
     */
    public static FirmwareFileKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK_BYTES);
        }
        if (DumpLines.startsWithUtf16Mark(head, head.length)) {
            return ACPIDUMP_TEXT;
        }
        if (ContentKind.looksLikeText(head, head.length)) {
            return new String(head, StandardCharsets.ISO_8859_1)
                            .lines()
                            .anyMatch(l -> DumpHeader.parse(l).isPresent())
                    ? ACPIDUMP_TEXT
                    : OTHER_TEXT;
        }
        return TableSignature.of(head, head.length).isPresent() ? TABLE : OTHER_BINARY;
    }
}
