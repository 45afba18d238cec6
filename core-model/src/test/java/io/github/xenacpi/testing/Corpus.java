package io.github.xenacpi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The real-firmware corpus named by the system property {@code xenacpi.corpus} (default
 * {@code ../shared/corpus}): its machine folders, each holding one platform's tables directly or in a single
 * sub-folder (such as {@code acpi/}).
 */
public final class Corpus {

    /** The system property naming the corpus folder. */
    public static final String PROPERTY = "xenacpi.corpus";

    private Corpus() {}

    /** The configured corpus folder, whether or not it exists. */
    public static Path configured() {
        return Path.of(System.getProperty(PROPERTY, "../shared/corpus"))
                .toAbsolutePath()
                .normalize();
    }

    /** The corpus folder when it exists. */
    public static Optional<Path> root() {
        Path p = configured();
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** Every machine folder under the root, sorted: the folders holding table files, lifted past lone sub-folders. */
    public static List<Path> machines(Path root) {
        TreeSet<Path> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path file :
                    s.filter(Files::isRegularFile).filter(Corpus::isTableFile).toList()) {
                Path dir = file.getParent();
                if (dir.equals(root)) {
                    continue;
                }
                Path parent = dir.getParent();
                if (!parent.equals(root) && entries(parent) == 1) {
                    dir = parent;
                }
                out.add(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** The machine's name: its folder's path below the root. */
    public static String name(Path root, Path machine) {
        return root.relativize(machine).toString();
    }

    /** The table files of one machine, sorted by path. */
    public static List<Path> tableFiles(Path machine) {
        try (Stream<Path> files = Files.walk(machine)) {
            return files.filter(Files::isRegularFile)
                    .filter(Corpus::isTableFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file may hold tables: anything but the corpus's own notes. */
    static boolean isTableFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(n.endsWith(".md") || n.endsWith(".txt") || n.startsWith("."));
    }

    private static long entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
