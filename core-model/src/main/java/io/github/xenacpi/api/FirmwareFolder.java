package io.github.xenacpi.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a path holds: a dump file, a table file or a folder of tables is one platform; any other folder holds one
 * platform per sub-folder and per file (a {@code xenacpi.json} descriptor and hidden files aside), in name order.
 */
public final class FirmwareFolder {

    /** The descriptor file read beside tables, never a platform of its own. */
    static final String DESCRIPTOR = "xenacpi.json";

    /** A binary table as acpixtract or sysfs names it: {@code DSDT}, {@code SSDT2}, {@code dsdt.dat}, {@code apic.aml}. */
    private static final Pattern TABLE_FILE = Pattern.compile("[A-Za-z0-9_!]{4}\\d*(\\.(dat|aml|bin))?");

    /** The sub-folders of a copy of {@code /sys/firmware/acpi/tables}. */
    private static final List<String> SYSFS_FOLDERS = List.of("dynamic", "data");

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

    private FirmwareFolder() {
    }

    /** The platforms below an existing path. */
    public static Found platformsAt(Path path) throws ValidationException {
        if (!Files.isDirectory(path) || isPlatformFolder(path)) {
            return new Found(List.of(new PlatformSource.PathSource(path)), List.of());
        }
        List<PlatformSource> out = new ArrayList<>();
        for (Path child : children(path)) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || name.equals(DESCRIPTOR) || name.endsWith("." + DESCRIPTOR)) {
                continue;
            }
            out.add(new PlatformSource.PathSource(child));
        }
        return new Found(out, List.of());
    }

    /** Whether a folder holds one platform's tables (binary tables or a sysfs copy) rather than platforms. */
    static boolean isPlatformFolder(Path dir) throws ValidationException {
        for (Path child : children(dir)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child) ? SYSFS_FOLDERS.contains(name) : TABLE_FILE.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> children(Path dir) throws ValidationException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new ValidationException(Firmware.PROPERTY + ": cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
