package io.github.xenacpi.api;

import io.github.xenacpi.platform.preset.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds the firmware a front end names: {@code preset:ID} names a bundled preset ({@code preset:all} every one);
 * any path goes through {@link FirmwareFolder}, the one rule of what a folder holds, so the Maven goals, the
 * JUnit extension's {@code @XenFirmwareSource} and the CLI see the same platforms in the same folder.
 */
public final class Firmware {

    /** The property (Maven) and configuration parameter (JUnit) that name the firmware. */
    public static final String PROPERTY = "xenacpi.firmware";

    /** The prefix of an entry naming a bundled preset. */
    public static final String PRESET_PREFIX = "preset:";

    /** The preset id that stands for every bundled preset: {@code preset:all}. */
    public static final String ALL_PRESETS = "all";

    /** The folder of a project's platforms, relative to its base folder. */
    public static final String PROJECT_FOLDER = "src/firmware";

    /** The preset a front end shows when it is told no firmware ({@code inspect}, a test naming no platform). */
    public static final String DEFAULT_PRESET = "qemu-virt";

    private Firmware() {}

    /** Every bundled preset, in declaration order. */
    public static List<PlatformSource> allPresets() {
        return Arrays.stream(Preset.values()).map(PlatformSource::of).toList();
    }

    /**
     * The platforms the entries name, in entry order; relative paths are resolved against {@code baseDir}.
     *
     * @throws ValidationException when an entry names an unknown preset, a missing path or an unreadable folder
     */
    public static FirmwareFolder.Found locate(List<String> entries, Path baseDir) throws ValidationException {
        List<PlatformSource> out = new ArrayList<>();
        List<FirmwareFolder.Skipped> skipped = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (isPreset(entry)) {
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
                throw new ValidationException(PROPERTY + ": " + path + " does not exist; name a folder of"
                        + " platforms, a platform's tables, an acpidump file, or preset:ID (presets: "
                        + presetIds() + ")");
            }
            FirmwareFolder.Found found = FirmwareFolder.platformsAt(path);
            if (found.platforms().isEmpty()) {
                throw new ValidationException(PROPERTY + ": " + path + " holds no platform" + reasons(found)
                        + "; name a folder of platforms, a platform's tables, an acpidump file, or preset:ID");
            }
            out.addAll(found.platforms());
            skipped.addAll(found.skipped());
        }
        return new FirmwareFolder.Found(out, skipped);
    }

    /**
     * The one platform an entry names, for a front end that shows one ({@code inspect}): {@code preset:ID}, or a
     * path (relative to {@code baseDir}) that is one platform or a folder holding exactly one. Each entry of the
     * folder that is not a platform goes to {@code skipped} first, so the caller can name it; {@code property}
     * names the setting in messages.
     *
     * @throws ValidationException when the preset is unknown, the path does not exist, or it holds no platform or
     *                             more than one
     */
    public static PlatformSource one(
            String property, String entry, Path baseDir, Consumer<FirmwareFolder.Skipped> skipped)
            throws ValidationException {
        String trimmed = entry.trim();
        if (isPreset(trimmed)) {
            return preset(trimmed.substring(PRESET_PREFIX.length()).trim());
        }
        Path at = baseDir.resolve(trimmed).normalize();
        if (!Files.exists(at)) {
            throw new ValidationException(property + ": " + at + " does not exist; name an acpidump file, a folder"
                    + " of tables, or preset:ID (presets: " + presetIds() + ")");
        }
        FirmwareFolder.Found found = FirmwareFolder.platformsAt(at);
        found.skipped().forEach(skipped);
        if (found.platforms().size() != 1) {
            throw new ValidationException(property + ": " + at + " holds "
                    + found.platforms().size()
                    + " platforms "
                    + found.platforms().stream().map(PlatformSource::name).toList()
                    + (found.skipped().isEmpty() ? "" : reasons(found)) + "; inspect shows one: name one of them");
        }
        return found.platforms().get(0);
    }

    /** Why nothing in a folder was a platform, for messages: each skipped entry and its reason. */
    public static String reasons(FirmwareFolder.Found found) {
        if (found.skipped().isEmpty()) {
            return " (it is empty)";
        }
        StringBuilder b = new StringBuilder(" (");
        for (FirmwareFolder.Skipped s : found.skipped()) {
            b.append(b.length() > 2 ? "; " : "")
                    .append(s.path().getFileName())
                    .append(": ")
                    .append(s.reason());
        }
        return b.append(')').toString();
    }

    /** Whether an entry names a bundled preset ({@code preset:ID}). */
    public static boolean isPreset(String entry) {
        return entry.trim().toLowerCase(Locale.ROOT).startsWith(PRESET_PREFIX);
    }

    /** The bundled preset an id names. */
    public static PlatformSource preset(String id) throws ValidationException {
        try {
            return PlatformSource.of(Preset.byId(id));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(PROPERTY + ": " + e.getMessage(), e);
        }
    }

    /** The preset {@link #DEFAULT_PRESET} names. */
    public static PlatformSource defaultPreset() {
        return PlatformSource.of(Preset.byId(DEFAULT_PRESET));
    }

    /** The ids of the bundled presets, for messages. */
    public static String presetIds() {
        return String.join(", ", Arrays.stream(Preset.values()).map(Preset::id).toList());
    }
}
