package io.github.xenacpi.acpi.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text file, read with bounded memory: LF or CRLF endings, bytes decoded as ISO-8859-1 (never
 * fails), and each line cut at {@link #MAX_LINE} characters, so a file without line breaks cannot exhaust
 * memory. Not thread-safe.
 */
final class DumpLines implements AutoCloseable {

    /** Longest line kept; acpidump rows are under 90 characters. */
    static final int MAX_LINE = 1024;

    private final InputStream in;
    private final byte[] buf = new byte[MAX_LINE];
    private int number;
    private boolean cut;

    DumpLines(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next line without its ending, or null at the end of the file. */
    String next() throws IOException {
        int len = 0;
        int b;
        cut = false;
        while ((b = in.read()) != -1 && b != '\n') {
            if (len < MAX_LINE) {
                buf[len++] = (byte) b;
            } else {
                cut = true;
            }
        }
        if (b == -1 && len == 0 && !cut) {
            return null;
        }
        number++;
        if (len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** The 1-based number of the line last returned. */
    int number() {
        return number;
    }

    /** Whether the line last returned was longer than {@link #MAX_LINE} and was cut. */
    boolean wasCut() {
        return cut;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
