package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a folder of binary tables: acpixtract or {@code acpidump -b} output ({@code dsdt.dat},
 * {@code ssdt1.dat}), {@code *.aml} and {@code *.bin} files, files named by signature, prefixed names, and a
 * nested {@code acpi/} or {@code tables/} folder. A copy of {@code /sys/firmware/acpi/tables} (it has a
 * {@code dynamic/} or {@code data/} folder, or extension-less signature names) is read as
 * {@link SourceFormat#SYSFS_DIRECTORY}: {@code dynamic/} tables after the static ones, {@code data/} skipped
 * because its files are firmware memory regions, not tables. Files are read in sorted order, numbers compared
 * as numbers, so the instance numbers do not depend on the file system.
 */
public final class TableDirectoryReader {

    private static final int MAX_DEPTH = 3;
    private static final int PEEK_BYTES = 512;
    private static final List<String> TABLE_FOLDERS = List.of("acpi", "tables");

    private TableDirectoryReader() {
    }

    /**
     * Reads every table file of the folder.
     *
     * @throws AcpiException when the folder cannot be listed or holds no table
     */
    public static FirmwareImage read(Path dir) throws AcpiException {
        SourceFormat format = isSysfs(dir) ? SourceFormat.SYSFS_DIRECTORY : SourceFormat.TABLE_DIRECTORY;
        TableCollector collector = new TableCollector(dir, format);
        int[] files = {0};
        readFolder(dir, dir, 0, collector, files);
        return collector.image(files[0] + " files looked at");
    }

    /** A sysfs copy: a dynamic/ or data/ folder, or extension-less signature file names, here or in acpi/. */
    static boolean isSysfs(Path dir) throws AcpiException {
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("dynamic") || lower.equals("data")
                        || TABLE_FOLDERS.contains(lower) && isSysfs(entry)) {
                    return true;
                }
            } else if (TableFileName.of(name).isSysfsName()) {
                return true;
            }
        }
        return false;
    }

    private static void readFolder(Path root, Path dir, int depth, TableCollector collector, int[] files)
            throws AcpiException {
        List<Path> entries = list(dir);
        List<Path> folders = new ArrayList<>();
        List<TableFileName> names = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (Files.isRegularFile(entry)) {
                names.add(TableFileName.of(name));
            }
        }
        names.sort(TableFileName.READ_ORDER);
        for (TableFileName name : names) {
            files[0]++;
            readFile(dir.resolve(name.name()), name, collector);
        }
        folders.sort(null);
        for (Path folder : folders) {
            String lower = folder.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.equals("data")) {
                skipDataFolder(root, folder, collector);
            } else if (depth < MAX_DEPTH && (lower.equals("dynamic") || TABLE_FOLDERS.contains(lower))) {
                readFolder(root, folder, depth + 1, collector, files);
            } else {
                collector.source(Severity.INFO, "sub-folder %s not read: only acpi/, tables/ and dynamic/ hold"
                        + " tables", root.relativize(folder));
            }
        }
    }

    private static void skipDataFolder(Path root, Path folder, TableCollector collector) throws AcpiException {
        for (Path entry : list(folder)) {
            collector.source(Severity.INFO, "%s skipped: sysfs data/ files hold the firmware memory a table points"
                    + " at (BERT: the boot error region), not ACPI tables", root.relativize(entry));
        }
    }

    private static void readFile(Path file, TableFileName name, TableCollector collector) {
        try {
            long size = Files.size(file);
            if (size > FirmwareSource.MAX_INPUT_BYTES) {
                collector.source(Severity.ERROR, "skipped %s: %d bytes is more than the %d-byte limit for one"
                        + " table file", file, size, FirmwareSource.MAX_INPUT_BYTES);
                return;
            }
            if (!name.namesTable() && !looksLikeTable(file)) {
                if (!looksLikeText(file)) {
                    collector.source(Severity.INFO, "skipped %s: binary data, not an ACPI table", file);
                }
                return;
            }
            BinaryTableReader.add(collector, file, Files.readAllBytes(file));
        } catch (IOException | OutOfMemoryError e) {
            collector.source(Severity.ERROR, "cannot read %s: %s", file, e.getMessage());
        }
    }

    private static boolean looksLikeTable(Path file) throws IOException {
        byte[] head = peek(file);
        return TableSignature.of(head).isPresent() && !ContentKind.looksLikeText(head, head.length);
    }

    private static boolean looksLikeText(Path file) throws IOException {
        byte[] head = peek(file);
        return ContentKind.looksLikeText(head, head.length);
    }

    private static byte[] peek(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PEEK_BYTES);
        }
    }

    private static List<Path> list(Path dir) throws AcpiException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new AcpiException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
