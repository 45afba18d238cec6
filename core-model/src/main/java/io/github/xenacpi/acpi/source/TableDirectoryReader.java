package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a folder of binary tables: acpixtract or {@code acpidump -b} output ({@code dsdt.dat},
 * {@code ssdt1.dat}), {@code *.aml} and {@code *.bin} files, files named by signature, prefixed names, and a
 * nested {@code acpi/} or {@code tables/} folder. A copy of {@code /sys/firmware/acpi/tables} (it has a
 * {@code dynamic/} or {@code data/} folder, or extension-less signature names) is read as
 * {@link SourceFormat#SYSFS_DIRECTORY}: {@code dynamic/} tables after the static ones, {@code data/} skipped
 * because its files are firmware memory regions, not tables. Files are read in sorted order, numbers compared
 * as numbers, so the instance numbers do not depend on the file system. A folder that holds no binary table
 * but one acpidump text file is read as that text.
 */
public final class TableDirectoryReader {

    private static final int MAX_DEPTH = 3;
    private static final int PEEK_BYTES = 4096;
    private static final List<String> TABLE_FOLDERS = List.of("acpi", "tables");

    private TableDirectoryReader() {}

    /**
     * Reads every table file of the folder.
     *
     * @throws AcpiException when the folder cannot be listed or holds no table
     */
    public static FirmwareImage read(Path dir) throws AcpiException {
        return read(dir, FirmwareSource.MAX_INPUT_BYTES);
    }

    /** Reads the folder, keeping at most {@code budget} bytes of tables in all. */
    static FirmwareImage read(Path dir, long budget) throws AcpiException {
        SourceFormat format = isSysfs(dir) ? SourceFormat.SYSFS_DIRECTORY : SourceFormat.TABLE_DIRECTORY;
        Walk walk = new Walk(dir, new TableCollector(dir, format), budget);
        walk.folder(dir, 0);
        if (walk.collector.isEmpty() && walk.dumps.size() == 1) {
            return withNote(
                    AcpidumpTextReader.read(walk.dumps.get(0)),
                    String.format(
                            "%s holds no binary table;" + " its acpidump text %s was read",
                            dir, dir.relativize(walk.dumps.get(0))));
        }
        if (walk.collector.isEmpty() && walk.dumps.size() > 1) {
            throw new AcpiException(String.format(
                    "no binary table in %s but %d acpidump texts (%s); open one of" + " them",
                    dir,
                    walk.dumps.size(),
                    walk.dumps.stream().map(d -> dir.relativize(d).toString()).collect(Collectors.joining(", "))));
        }
        for (Path dump : walk.dumps) {
            walk.collector.source(
                    Severity.INFO,
                    "acpidump text %s not read: the folder's binary tables are used",
                    dir.relativize(dump));
        }
        return walk.collector.image(walk.files + " files looked at");
    }

    private static FirmwareImage withNote(FirmwareImage image, String note) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(Diagnostic.ofSource(Severity.INFO, note));
        diagnostics.addAll(image.diagnostics());
        return new FirmwareImage(image.path(), image.format(), image.tables(), diagnostics);
    }

    /** A sysfs copy: a dynamic/ or data/ folder, or extension-less signature file names, here or in acpi/. */
    static boolean isSysfs(Path dir) throws AcpiException {
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("dynamic")
                        || lower.equals("data")
                        || (TABLE_FOLDERS.contains(lower) && isSysfs(entry))) {
                    return true;
                }
            } else if (TableFileName.of(name).isSysfsName()) {
                return true;
            }
        }
        return false;
    }

    /** One reading of a folder tree: where it started, what it found, and the bytes still allowed. */
    private static final class Walk {
        private final Path root;
        private final TableCollector collector;
        private final List<Path> dumps = new ArrayList<>();
        private final long limit;
        private long budget;
        private int files;

        Walk(Path root, TableCollector collector, long budget) {
            this.root = root;
            this.collector = collector;
            this.limit = budget;
            this.budget = budget;
        }

        void folder(Path dir, int depth) throws AcpiException {
            List<Path> folders = new ArrayList<>();
            List<TableFileName> names = new ArrayList<>();
            for (Path entry : list(dir)) {
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
                files++;
                file(dir.resolve(name.name()), name);
            }
            for (Path sub : folders) {
                String lower = sub.getFileName().toString().toLowerCase(Locale.ROOT);
                if (lower.equals("data")) {
                    skipData(sub);
                } else if (depth < MAX_DEPTH && (lower.equals("dynamic") || TABLE_FOLDERS.contains(lower))) {
                    folder(sub, depth + 1);
                } else {
                    collector.source(
                            Severity.INFO,
                            "sub-folder %s not read: only acpi/, tables/ and dynamic/" + " hold tables",
                            root.relativize(sub));
                }
            }
        }

        private void skipData(Path folder) throws AcpiException {
            for (Path entry : list(folder)) {
                collector.source(
                        Severity.INFO,
                        "%s skipped: sysfs data/ files hold the firmware memory a table"
                                + " points at (BERT: the boot error region), not ACPI tables",
                        root.relativize(entry));
            }
        }

        private void file(Path file, TableFileName name) {
            try {
                long size = Files.size(file);
                if (size > FirmwareSource.MAX_INPUT_BYTES) {
                    collector.source(
                            Severity.ERROR,
                            "skipped %s: %d bytes is more than the %d-byte limit for one" + " table file",
                            file,
                            size,
                            FirmwareSource.MAX_INPUT_BYTES);
                    return;
                }
                byte[] head = peek(file);
                boolean text = ContentKind.looksLikeText(head, head.length);
                if (text && holdsDumpHeader(head)) {
                    dumps.add(file);
                    return;
                }
                if (!name.namesTable() && (text || TableSignature.of(head).isEmpty())) {
                    if (!text) {
                        collector.source(Severity.INFO, "skipped %s: binary data, not an ACPI table", file);
                    }
                    return;
                }
                if (size > budget) {
                    collector.source(
                            Severity.ERROR,
                            "skipped %s: its %d bytes would take the folder past the" + " %d-byte limit for one input",
                            file,
                            size,
                            limit);
                    return;
                }
                budget -= size;
                BinaryTableReader.add(collector, file, BinaryTableReader.read(collector, file));
            } catch (IOException | OutOfMemoryError e) {
                collector.source(Severity.ERROR, "cannot read %s: %s", file, e.getMessage());
            }
        }
    }

    /** Whether text holds an acpidump header line. */
    private static boolean holdsDumpHeader(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1)
                .lines()
                .anyMatch(l -> DumpHeader.parse(l).isPresent());
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
