package io.github.xenacpi.api;

import java.nio.file.Path;

/**
 * What the validate goal does when it finds no platform to validate: outside a project the user must name the
 * firmware; in a project an empty {@value Firmware#PROJECT_FOLDER} fails the build unless
 * {@code xenacpi.failIfNoFirmware} is {@code false}, when it is only logged.
 */
public enum MissingFirmware {

    /** Run without a project: nothing names the firmware, which the user must do. */
    NAME_IT,

    /** The project holds no platform and {@code xenacpi.failIfNoFirmware} is set: the build fails. */
    FAIL,

    /** The project holds no platform and {@code xenacpi.failIfNoFirmware} is {@code false}: logged, nothing done. */
    LOG;

    /** The property that chooses between {@link #FAIL} and {@link #LOG} in a project. */
    public static final String PROPERTY = "xenacpi.failIfNoFirmware";

    /** The policy of a run without a project ({@code standalone}) or with one and {@code failIfNoFirmware}. */
    public static MissingFirmware of(boolean standalone, boolean failIfNoFirmware) {
        if (standalone) {
            return NAME_IT;
        }
        return failIfNoFirmware ? FAIL : LOG;
    }

    /**
     * Says that no platform was found below {@code baseDir}, the folder relative paths start at.
     *
     * @throws ValidationException under {@link #NAME_IT} and {@link #FAIL}, saying what to set
     */
    public void handle(Path baseDir, RunLog log) throws ValidationException {
        if (this == NAME_IT) {
            throw new ValidationException("no firmware to validate: outside a project, name it with "
                    + Firmware.PROPERTY + ", such as -D" + Firmware.PROPERTY + "=acpidump.txt (a file or folder,"
                    + " relative to " + baseDir + ") or -D" + Firmware.PROPERTY + "=" + Firmware.PRESET_PREFIX
                    + Firmware.ALL_PRESETS + " for the bundled demo platforms");
        }
        String where = baseDir.resolve(Firmware.PROJECT_FOLDER).toString();
        if (this == FAIL) {
            throw new ValidationException("no firmware to validate: " + where + " holds no platform; put acpidump"
                    + " files or table folders there, set " + Firmware.PROPERTY + " (a path or preset:ID), or set "
                    + PROPERTY + "=false");
        }
        log.info("xenacpi: no firmware to validate at " + where + "; nothing done");
    }
}
