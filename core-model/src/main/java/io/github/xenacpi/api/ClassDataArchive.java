package io.github.xenacpi.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A dynamic class-data archive of the plugin's classes for the forked validation (JDK 13 and later:
 * {@code -XX:ArchiveClassesAtExit}, {@code -XX:SharedArchiveFile}): the first fork writes it as it exits, later
 * forks map the classes from it instead of loading, parsing and verifying them again. One archive per JVM and
 * class path (named by a digest of the JVM's home and version and each jar's path, size and time), written under
 * a temporary name and moved into place only after a fork that ended well; at most {@link #KEPT} are kept, the
 * least recently used deleted. Only for a class path of jar files: the JVM refuses to archive from folders.
 */
final class ClassDataArchive {

    /** The archives kept in the folder, the most recently used ones. */
    static final int KEPT = 4;

    private static final String PREFIX = "xenacpi-";
    private static final String SUFFIX = ".jsa";

    private final Optional<Path> archive;
    private final Optional<Path> attempt;

    private ClassDataArchive(Optional<Path> archive, Optional<Path> attempt) {
        this.archive = archive;
        this.attempt = attempt;
    }

    /** The archive for this class path in this folder: used when there, written by this fork when not. */
    static ClassDataArchive of(List<Path> classPath, Optional<Path> folder) {
        if (folder.isEmpty()
                || Runtime.version().feature() < 13
                || classPath.isEmpty()
                || !classPath.stream()
                        .allMatch(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                || !Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"))) {
            return new ClassDataArchive(Optional.empty(), Optional.empty());
        }
        Path file = folder.get().resolve(PREFIX + key(classPath) + SUFFIX);
        if (Files.isRegularFile(file)) {
            markUsed(file);
            return new ClassDataArchive(Optional.of(file), Optional.empty());
        }
        try {
            Files.createDirectories(folder.get());
        } catch (IOException e) {
            // A folder that cannot be made (a read-only home) costs the speed-up, not the validation.
            return new ClassDataArchive(Optional.empty(), Optional.empty());
        }
        return new ClassDataArchive(
                Optional.of(file),
                Optional.of(folder.get()
                        .resolve(file.getFileName() + "."
                                + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp")));
    }

    /**
     * The flags that map this class path's archive when one was written already, none otherwise: for a JVM that
     * lives longer than a build (a daemon), which does not write one as it exits.
     */
    static List<String> existing(List<Path> classPath, Optional<Path> folder) {
        ClassDataArchive archive = of(classPath, folder);
        return archive.attempt.isPresent() ? List.of() : archive.flags();
    }

    /** Dates the archive now, so that pruning keeps it; an archive that cannot be dated is still good to use. */
    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Recency only orders the pruning.
            return;
        }
    }

    /** Whether the fork is started with archive flags. */
    boolean used() {
        return archive.isPresent();
    }

    /** The fork's archive flags; CDS's own log lines are silenced, they are not the build's business. */
    List<String> flags() {
        if (archive.isEmpty()) {
            return List.of();
        }
        String option =
                attempt.map(t -> "-XX:ArchiveClassesAtExit=" + t).orElse("-XX:SharedArchiveFile=" + archive.get());
        return List.of(option, "-Xlog:cds*=off", "-Xlog:class+path=off");
    }

    /** After a fork that wrote the archive: moved into place when the fork ended well, dropped otherwise. */
    void keepAttempt(boolean endedWell, RunLog log) {
        if (attempt.isEmpty()) {
            return;
        }
        Path written = attempt.get();
        try {
            if (endedWell && Files.isRegularFile(written)) {
                try {
                    Files.move(written, archive.orElseThrow(), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, archive.orElseThrow(), StandardCopyOption.REPLACE_EXISTING);
                }
                log.debug("xenacpi: class-data archive " + archive.orElseThrow() + " written");
                prune(archive.orElseThrow().getParent());
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            log.debug("xenacpi: cannot keep the class-data archive " + written + ": " + e.getMessage());
        }
    }

    /** After a fork that did not start with the archive flags: whatever it wrote goes. */
    void discardAttempt() {
        attempt.ifPresent(t -> t.toFile().delete());
    }

    /** Deletes all but the {@link #KEPT} most recently used archives in the folder. */
    static void prune(Path folder) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            files.forEach(archives::add);
        }
        archives.sort(
                Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** The digest naming the archive of this JVM and class path. */
    static String key(List<Path> classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder()
                    .append(System.getProperty("java.home"))
                    .append('\n')
                    .append(System.getProperty("java.vm.version"))
                    .append('\n');
            for (Path p : classPath) {
                text.append(p.toAbsolutePath())
                        .append(' ')
                        .append(p.toFile().length())
                        .append(' ')
                        .append(p.toFile().lastModified())
                        .append('\n');
            }
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
