package io.github.xenacpi.acpi.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text file, read with bounded memory: LF or CRLF endings, each line cut at {@link #MAX_LINE}
 * characters so that a file without line breaks cannot exhaust memory. The encoding follows a byte order mark
 * (UTF-16 as Windows PowerShell redirection writes it, UTF-8); without one, bytes are ISO-8859-1, which never
 * fails. Not thread-safe.
 */
final class DumpLines implements AutoCloseable {

    /** Longest line kept; acpidump rows are under 90 characters. */
    static final int MAX_LINE = 1024;

    private final Reader in;
    private final char[] chunk = new char[1 << 14];
    private int chunkLength;
    private int chunkPos;
    private final StringBuilder line = new StringBuilder();
    private int number;
    private boolean cut;

    DumpLines(InputStream stream) throws IOException {
        byte[] bom = stream.readNBytes(2);
        Charset charset = StandardCharsets.ISO_8859_1;
        byte[] pushBack = bom;
        if (bom.length == 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            pushBack = new byte[0];
        } else if (bom.length == 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            pushBack = new byte[0];
        } else if (bom.length == 2 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB) {
            stream.readNBytes(1);
            charset = StandardCharsets.UTF_8;
            pushBack = new byte[0];
        }
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(pushBack), stream);
        this.in = new InputStreamReader(rest, charset);
    }

    /** Whether the first bytes are a UTF-16 byte order mark (such text has NUL bytes, yet is text). */
    static boolean startsWithUtf16Mark(byte[] head, int size) {
        return size >= 2
                && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                        || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
    }

    /** The next line without its ending, or null at the end of the file. */
    String next() throws IOException {
        line.setLength(0);
        cut = false;
        boolean any = false;
        int c;
        while ((c = read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                cut = true;
            }
        }
        if (!any) {
            return null;
        }
        number++;
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return line.toString();
    }

    private int read() throws IOException {
        if (chunkPos == chunkLength) {
            chunkLength = in.read(chunk);
            chunkPos = 0;
            if (chunkLength <= 0) {
                chunkLength = 0;
                return -1;
            }
        }
        return chunk[chunkPos++];
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
