package io.github.xenacpi.api;

import io.github.xenacpi.acpi.source.FirmwareFileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one rule of what a path holds, for every front end. A file, or a folder that holds tables (binary tables,
 * a sysfs copy, an {@code acpi/} or {@code tables/} folder of them), is one platform named by the path: a machine
 * folder holding only {@code acpi/} is named after the machine. Any other folder holds platforms: each sub-folder
 * with tables (or with one acpidump text) and each acpidump text is one, in name order. Everything else is skipped
 * with its reason, decided by content and never by name: hidden entries, READMEs, manifests, images, iasl
 * disassemblies, empty files, folders without tables, symbolic links that loop or lead nowhere. A skipped entry
 * never fails the run; a {@code xenacpi.json} is the descriptor read beside the tables.
 */
public final class FirmwareFolder {

    /** The descriptor file read beside tables, never a platform of its own. */
    static final String DESCRIPTOR = "xenacpi.json";

    /** The sub-folders of a copy of {@code /sys/firmware/acpi/tables}. */
    private static final List<String> SYSFS_FOLDERS = List.of("dynamic", "data");

    /** Folders the table reader looks into for a machine's tables. */
    private static final List<String> TABLE_FOLDERS = List.of("acpi", "tables");

    /** The platforms found, and every entry left out with the reason. */
    public record Found(List<PlatformSource> platforms, List<Skipped> skipped) {
        public Found {
            platforms = List.copyOf(platforms);
            skipped = List.copyOf(skipped);
        }
    }

    /** An entry of a folder of platforms that is not a platform, and why. */
    public record Skipped(Path path, String reason) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        /** One line: the path and the reason. */
        public String describe() {
            return "skipped " + path + ": " + reason;
        }
    }

    private FirmwareFolder() {}

    /**
     * The platforms at an existing path.
     *
     * @throws ValidationException when the path, or a folder of platforms, cannot be listed
     */
    public static Found platformsAt(Path path) throws ValidationException {
        if (!Files.isDirectory(path) || holdsTables(path, 0)) {
            return new Found(List.of(PlatformSource.at(path)), List.of());
        }
        Path real = realPath(path);
        List<PlatformSource> out = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path child : children(path)) {
            String why = whyNotAPlatform(child, real);
            if (why == null) {
                out.add(PlatformSource.at(child));
            } else if (!why.isEmpty()) {
                skipped.add(new Skipped(child, why));
            }
        }
        return new Found(out, skipped);
    }

    /** Why an entry of a folder of platforms is not a platform; null when it is one, empty when it is a descriptor. */
    private static String whyNotAPlatform(Path child, Path realParent) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
            return "hidden (its name starts with a dot); rename it to validate it";
        }
        if (name.equals(DESCRIPTOR)) {
            return "";
        }
        if (name.endsWith("." + DESCRIPTOR)) {
            return "a descriptor is read only as " + DESCRIPTOR + " beside the tables";
        }
        if (Files.isSymbolicLink(child)) {
            Path target;
            try {
                target = child.toRealPath();
            } catch (IOException e) {
                return "a symbolic link that cannot be followed (a loop or a missing target)";
            }
            if (realParent.startsWith(target)) {
                return "a symbolic link to " + target + ", which holds this folder (a loop)";
            }
        }
        try {
            if (Files.isDirectory(child)) {
                return folderHoldsPlatform(child) ? null : "a folder without ACPI tables or an acpidump text";
            }
            if (!Files.isRegularFile(child)) {
                return "neither a file nor a folder";
            }
            if (Files.size(child) == 0) {
                return "an empty file";
            }
            FirmwareFileKind kind = FirmwareFileKind.of(child);
            if (kind.holdsTables()) {
                return null;
            }
            if (kind == FirmwareFileKind.OTHER_BINARY) {
                return "binary data that is not an ACPI table (an image, an archive, ...)";
            }
            return name.toLowerCase(Locale.ROOT).endsWith(".dsl")
                    ? "an iasl disassembly (ASL text), not tables; validate the tables or the acpidump text it came"
                            + " from"
                    : "text without an acpidump table header (a README, a manifest, notes, ...)";
        } catch (IOException | ValidationException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Whether a sub-folder of a folder of platforms is a platform: it holds tables, or one acpidump text. */
    private static boolean folderHoldsPlatform(Path dir) throws IOException, ValidationException {
        if (holdsTables(dir, 0)) {
            return true;
        }
        int dumps = 0;
        for (Path child : children(dir)) {
            if (!hidden(child)
                    && Files.isRegularFile(child)
                    && Files.size(child) > 0
                    && FirmwareFileKind.of(child) == FirmwareFileKind.ACPIDUMP_TEXT) {
                dumps++;
            }
        }
        return dumps == 1;
    }

    /**
     * Whether a folder holds one platform's tables: a binary table, a sysfs copy's folders, or an {@code acpi/} or
     * {@code tables/} folder that does.
     */
    static boolean holdsTables(Path dir, int depth) throws ValidationException {
        for (Path child : children(dir)) {
            if (hidden(child)) {
                continue;
            }
            String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                if (Files.isDirectory(child)) {
                    if (SYSFS_FOLDERS.contains(name)
                            || (depth < 2 && TABLE_FOLDERS.contains(name) && holdsTables(child, depth + 1))) {
                        return true;
                    }
                } else if (Files.isRegularFile(child)
                        && Files.size(child) > 0
                        && FirmwareFileKind.of(child) == FirmwareFileKind.TABLE) {
                    return true;
                }
            } catch (IOException e) {
                // An unreadable entry holds no table; the table reader names it when it reads the folder.
            }
        }
        return false;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static Path realPath(Path dir) throws ValidationException {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new ValidationException(Firmware.PROPERTY + ": cannot resolve " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> children(Path dir) throws ValidationException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ValidationException(Firmware.PROPERTY + ": cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
