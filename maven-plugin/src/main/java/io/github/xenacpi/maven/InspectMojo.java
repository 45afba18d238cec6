package io.github.xenacpi.maven;

import io.github.xenacpi.api.Firmware;
import io.github.xenacpi.api.FirmwareFolder;
import io.github.xenacpi.api.Inspection;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.inspect.InspectJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what a path holds: every table, every address range the tables describe, every diagnostic, the AML
 * namespace's counts and each strategy's verdict; and writes the {@code xenacpi-inspect/1} JSON document. Runs
 * without a project: {@code mvn io.github.xenacpi:xenacpi-maven-plugin:inspect -Dxenacpi.inspect.path=PATH}.
 *
 * @since 0.1.0
 */
@Mojo(name = "inspect", threadSafe = true, requiresProject = false)
public class InspectMojo extends AbstractXenacpiMojo {

    /**
     * What to inspect: an acpidump text file, a folder of binary tables, a copy of
     * {@code /sys/firmware/acpi/tables}, one table file, or {@code preset:ID} for a bundled platform. A
     * {@code xenacpi.json} beside the tables is read as the platform descriptor. When not set: the
     * {@code qemu-virt} preset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.inspect.path")
    private String path;

    /**
     * The firmware to inspect when {@code xenacpi.inspect.path} is not set, as for the {@code validate} goal: one
     * platform's path, a folder holding exactly one platform, or {@code preset:ID}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.firmware")
    private String firmware;

    /**
     * The file the {@code xenacpi-inspect/1} JSON document is written to (its folder is created).
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.inspect.json", defaultValue = "${project.build.directory}/xenacpi/inspect.json")
    private File json;

    /** The build session: the folder Maven runs in, for a run without a project. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    String goal() {
        return "inspect";
    }

    @Override
    void executeMojo() throws MojoExecutionException {
        try {
            Inspection inspection = Inspection.of(source(), Overrides.NONE);
            inspection.text().forEach(getLog()::info);
            getLog().info("JSON (" + InspectJson.SCHEMA + ") written to " + inspection.writeJson(jsonFile()));
        } catch (ValidationException e) {
            throw new MojoExecutionException("xenacpi: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("xenacpi: internal error (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); please report it with the firmware", e);
        }
    }

    private PlatformSource source() throws ValidationException {
        boolean byPath = path != null && !path.isBlank();
        boolean byFirmware = firmware != null && !firmware.isBlank();
        if (byPath && byFirmware && !path.trim().equals(firmware.trim())) {
            throw new ValidationException("both xenacpi.inspect.path (" + path + ") and xenacpi.firmware ("
                    + firmware + ") are set; inspect names one platform, set one of them");
        }
        if (!byPath && !byFirmware) {
            getLog().info("xenacpi: neither xenacpi.inspect.path nor xenacpi.firmware is set: inspecting the preset"
                    + " qemu-virt (presets: " + Firmware.presetIds() + ")");
            return Firmware.preset("qemu-virt");
        }
        String property = byPath ? "xenacpi.inspect.path" : Firmware.PROPERTY;
        String entry = (byPath ? path : firmware).trim();
        if (Firmware.isPreset(entry)) {
            return Firmware.preset(entry.substring(Firmware.PRESET_PREFIX.length()).trim());
        }
        Path at = base().resolve(entry).normalize();
        if (!Files.exists(at)) {
            throw new ValidationException(property + ": " + at + " does not exist; name an acpidump file, a folder"
                    + " of tables, or preset:ID (presets: " + Firmware.presetIds() + ")");
        }
        FirmwareFolder.Found found = FirmwareFolder.platformsAt(at);
        found.skipped().forEach(s -> getLog().warn("xenacpi: " + s.describe()));
        if (found.platforms().size() != 1) {
            throw new ValidationException(property + ": " + at + " holds " + found.platforms().size()
                    + " platforms " + found.platforms().stream().map(PlatformSource::name).toList()
                    + (found.skipped().isEmpty() ? "" : Firmware.reasons(found))
                    + "; inspect shows one: name one of them");
        }
        return found.platforms().get(0);
    }

    private Path base() {
        return Path.of(session.getExecutionRootDirectory());
    }

    /** The JSON file: without a project Maven leaves the default unresolved, so it is made here. */
    private Path jsonFile() {
        if (json == null || json.getPath().contains("${")) {
            return base().resolve("target").resolve("xenacpi").resolve("inspect.json");
        }
        return base().resolve(json.toPath());
    }
}
