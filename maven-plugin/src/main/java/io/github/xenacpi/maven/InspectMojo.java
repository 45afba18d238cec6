package io.github.xenacpi.maven;

import io.github.xenacpi.api.Inspection;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.ValidationException;
import java.io.File;
import java.nio.file.Path;
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

    @Override
    String goal() {
        return "inspect";
    }

    @Override
    void executeMojo() throws ValidationException {
        Path base = executionRoot();
        Inspection.of(Inspection.source(path, firmware, base, log()), Overrides.NONE)
                .show(resolve(json, base, Inspection.DEFAULT_JSON), log());
    }
}
