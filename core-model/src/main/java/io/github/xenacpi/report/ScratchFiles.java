package io.github.xenacpi.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of a report stream's scratch files and folders in the report folder ({@link PartFile},
 * {@link HtmlFiles}): hidden, and carrying the id of the process that writes them, so that those of a run that was
 * killed before it could remove them are recognised and removed by a later run, while those of a run still going
 * (in this JVM, or in another build writing into the same folder) are left alone.
 */
final class ScratchFiles {
    private static final Pattern NAME = Pattern.compile("\\.xenacpi-(\\d+)-.*");
    private static final long PID = ProcessHandle.current().pid();

    private ScratchFiles() {}

    /** The beginning of every scratch name this process makes. */
    static String prefix() {
        return ".xenacpi-" + PID + "-";
    }

    /**
     * Removes the scratch files and folders in {@code dir} whose process is no longer running (a symbolic link among
     * them is removed, never followed).
     */
    static void removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".xenacpi-*")) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches() && !running(m.group(1))) {
                    stale.add(entry);
                }
            }
        }
        for (Path entry : stale) {
            delete(entry);
        }
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            // More digits than a process id has: not a name this class made.
            return true;
        }
    }

    /** Deletes a file, a link, or a folder with everything in it. */
    static void delete(Path entry) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(entry)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
