package io.github.xenacpi.maven;

import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the {@code firmware} entries of the build into platforms: {@code preset:ID} names a bundled preset
 * ({@code preset:all} every one); a dump file, a table file or a folder of tables is one platform; any other
 * folder holds one platform per sub-folder and per file (a {@code xenacpi.json} descriptor and hidden files
 * aside), in name order.
 */
public final class FirmwareLocator {

    /** The prefix of an entry naming a bundled preset. */
    public static final String PRESET_PREFIX = "preset:";

    /** The preset id that stands for every bundled preset: {@code preset:all}. */
    public static final String ALL_PRESETS = "all";

    /** The descriptor file read beside tables, never a platform of its own. */
    static final String DESCRIPTOR = "xenacpi.json";

    /** A binary table as acpixtract or sysfs names it: {@code DSDT}, {@code SSDT2}, {@code dsdt.dat}, {@code apic.aml}. */
    private static final Pattern TABLE_FILE = Pattern.compile("[A-Za-z0-9_!]{4}\\d*(\\.(dat|aml|bin))?");

    /** The sub-folders of a copy of {@code /sys/firmware/acpi/tables}. */
    private static final List<String> SYSFS_FOLDERS = List.of("dynamic", "data");

    private final Path baseDir;

    /** Entries that are relative paths are resolved against {@code baseDir} (the project's folder). */
    public FirmwareLocator(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Every bundled preset, in declaration order: the firmware of a run without a project and without firmware. */
    public static List<PlatformSource> allPresets() {
        return Arrays.stream(Preset.values()).<PlatformSource>map(PlatformSource.PresetSource::new).toList();
    }

    /**
     * The platforms the entries name, in entry order.
     *
     * @throws ValidationException when an entry names an unknown preset, a missing path or an unreadable folder
     */
    public List<PlatformSource> locate(List<String> entries) throws ValidationException {
        List<PlatformSource> out = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.toLowerCase(Locale.ROOT).startsWith(PRESET_PREFIX)) {
                String id = entry.substring(PRESET_PREFIX.length()).trim();
                if (id.equalsIgnoreCase(ALL_PRESETS)) {
                    out.addAll(allPresets());
                } else {
                    out.add(preset(id));
                }
                continue;
            }
            Path path = baseDir.resolve(entry).normalize();
            if (!Files.exists(path)) {
                throw new ValidationException("xenacpi.firmware: " + path + " does not exist; name a folder of"
                        + " platforms, a platform's tables, an acpidump file, or preset:ID (presets: "
                        + presetIds() + ")");
            }
            out.addAll(platformsAt(path));
        }
        return List.copyOf(out);
    }

    /** The platforms below an existing path. */
    static List<PlatformSource> platformsAt(Path path) throws ValidationException {
        if (!Files.isDirectory(path) || isPlatformFolder(path)) {
            return List.of(new PlatformSource.PathSource(path));
        }
        List<PlatformSource> out = new ArrayList<>();
        for (Path child : children(path)) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || name.equals(DESCRIPTOR) || name.endsWith("." + DESCRIPTOR)) {
                continue;
            }
            out.add(new PlatformSource.PathSource(child));
        }
        return out;
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
            throw new ValidationException("xenacpi.firmware: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static PlatformSource preset(String id) throws ValidationException {
        try {
            return new PlatformSource.PresetSource(Preset.byId(id));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("xenacpi.firmware: " + e.getMessage(), e);
        }
    }

    private static String presetIds() {
        return String.join(", ", Arrays.stream(Preset.values()).map(Preset::id).toList());
    }
}
