package io.github.xenacpi.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platforms of a goal whose {@code firmware} is not configured: in a project, those below
 * {@code src/firmware}; without a project (a goal run in a folder without a pom), every bundled preset.
 */
final class FirmwareDefaults {

    /** The folder of a project's platforms, relative to its base folder. */
    static final String PROJECT_FOLDER = "src/firmware";

    private FirmwareDefaults() {
    }

    /**
     * The platforms a goal validates.
     *
     * @param configured the {@code firmware} entries, empty when not configured
     * @param baseDir    the project's base folder (the current folder without a project)
     * @param standalone whether Maven runs the goal without a project
     */
    static List<PlatformSource> platforms(List<String> configured, Path baseDir, boolean standalone)
            throws ValidationException {
        boolean none = configured == null || configured.stream().allMatch(s -> s == null || s.isBlank());
        if (!none) {
            return new FirmwareLocator(baseDir).locate(configured);
        }
        if (standalone) {
            return FirmwareLocator.allPresets();
        }
        Path folder = baseDir.resolve(PROJECT_FOLDER);
        return Files.isDirectory(folder) ? FirmwareLocator.platformsAt(folder) : List.of();
    }
}
