package io.github.xenacpi.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hidden scratch file in the report folder that holds the part of a report file written before what must precede
 * it is known (SARIF's results before each run's header, JUnit XML's suites before the root's totals), so that a
 * report of many platforms is never held whole in memory. Closing it deletes it.
 */
final class PartFile implements Closeable {
    private final Path file;
    private final BufferedWriter out;
    private boolean written;

    /** A new, empty part file in {@code dir}. */
    PartFile(Path dir) throws IOException {
        this.file = Files.createTempFile(dir, ".xenacpi-", ".part");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Appends text. */
    void append(CharSequence text) throws IOException {
        out.append(text);
        written = true;
    }

    /** Whether anything was appended. */
    boolean isEmpty() {
        return !written;
    }

    /** Copies what was appended into {@code target}. */
    void copyTo(Writer target) throws IOException {
        out.flush();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(target);
        }
    }

    /** What was appended, line by line, for a consumer that may fail. */
    void forEachLine(LineConsumer each) throws IOException {
        out.flush();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                each.accept(line);
            }
        }
    }

    /** A line's consumer that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface LineConsumer {
        void accept(String line) throws IOException;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
