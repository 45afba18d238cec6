package io.github.xenacpi.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A hidden scratch file in the report folder that holds the part of a report file written before what must precede
 * it is known (SARIF's results before each run's header, JUnit XML's suites before the root's totals), or a whole
 * file until the run has succeeded ({@code report.json}), so that a report of many platforms is never held whole in
 * memory and a failed run leaves the previous report as it was. Closing it deletes it.
 */
final class PartFile implements Closeable {
    private final Path file;
    private final BufferedWriter out;
    private boolean written;

    /**
     * A new, empty part file in {@code dir}, made with the permissions any file of the report gets (not a temporary
     * file's owner-only ones): {@code report.json} becomes this file.
     */
    PartFile(Path dir) throws IOException {
        this.file = create(dir);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static Path create(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // Named after this process, so that a later run removes it if this one is killed (ScratchFiles).
            Path candidate = dir.resolve(ScratchFiles.prefix()
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Appends text. */
    void append(CharSequence text) throws IOException {
        out.append(text);
        written = true;
    }

    /** The writer of the file, for a writer of its own (Jackson's generator) that {@link #moveTo} then completes. */
    Writer writer() {
        written = true;
        return out;
    }

    /**
     * Puts the file in place of {@code target} (a file, or a symbolic link, which is replaced and its target left
     * alone), in one rename within the report folder.
     */
    void moveTo(Path target) throws IOException {
        out.close();
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
