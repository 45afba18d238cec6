package io.github.xenacpi.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The record of the last forked validation into a report folder, kept in a folder of the build's (as Spotless keeps
 * its index and Checkstyle its cache file): the {@link InputFingerprint} of its inputs, what its child said
 * ({@link ForkProtocol}; only a run that validated is recorded), and the report files it left (path, size,
 * modification time). When the inputs are the same and the report files untouched, the goal repeats what the child
 * said instead of validating again: the same log lines, the same decision.
 */
final class ValidationIndex {

    private static final String FINGERPRINT = "fingerprint";
    private static final String SAID = "said";
    private static final String REPORT = "report";
    /** What this file is, for messages. */
    private static final String FILE = "an index of runs";

    private final Path file;
    private final Path reportDirectory;

    private ValidationIndex(Path file, Path reportDirectory) {
        this.file = file;
        this.reportDirectory = reportDirectory;
    }

    /** The index, in {@code folder}, of the runs that write into {@code reportDirectory}. */
    static ValidationIndex of(Path folder, Path reportDirectory) {
        return new ValidationIndex(folder.resolve(name(reportDirectory)), reportDirectory);
    }

    /**
     * The last run, when its fingerprint is {@code fingerprint} and its report files are as it left them; empty
     * when there is none, it differs, or the index cannot be read (then the goal validates, and says why at DEBUG).
     */
    Optional<List<String>> lookup(String fingerprint, RunLog log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            if (!fingerprint.equals(p.getProperty(FINGERPRINT))) {
                log.debug("xenacpi: firmware, settings or plugin changed since the run " + file + " records");
                return Optional.empty();
            }
            if (!reportFiles().equals(PropertyLists.get(p, REPORT, FILE))) {
                log.debug("xenacpi: the report in " + reportDirectory + " changed since the run " + file + " records");
                return Optional.empty();
            }
            return Optional.of(PropertyLists.get(p, SAID, FILE));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            log.debug("xenacpi: cannot read " + file + " (" + e.getMessage() + "); validating again");
            return Optional.empty();
        }
    }

    /**
     * Records a run that has just ended, with its report files as they are now. The file is written under a
     * temporary name and moved into place, so that an interrupted build leaves no half index.
     */
    void record(String fingerprint, List<String> said) throws IOException {
        Properties p = new Properties();
        p.setProperty(FINGERPRINT, fingerprint);
        PropertyLists.put(p, SAID, said);
        PropertyLists.put(p, REPORT, reportFiles());
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "the last validation into " + reportDirectory);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Forgets the last run (a run that did not end as recorded runs end). */
    void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Each file under the report folder (links not followed), as path, size and modification time, in path order. */
    private List<String> reportFiles() throws IOException {
        if (!Files.isDirectory(reportDirectory)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(reportDirectory)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(null);
        List<String> out = new ArrayList<>();
        for (Path path : paths) {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                out.add(reportDirectory.relativize(path) + " " + a.size() + " "
                        + a.lastModifiedTime().toMillis());
            }
        }
        return out;
    }

    /** The index's file name: a digest of the report folder, so that each folder written has an index of its own. */
    private static String name(Path reportDirectory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(reportDirectory
                            .toAbsolutePath()
                            .normalize()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            return "run-" + HexFormat.of().formatHex(digest, 0, 8) + ".properties";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
