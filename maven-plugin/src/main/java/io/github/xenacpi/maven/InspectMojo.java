package io.github.xenacpi.maven;

import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.inspect.InspectCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<String> args = new ArrayList<>();
        if (path != null && !path.isBlank()) {
            String p = path.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith(FirmwareLocator.PRESET_PREFIX)) {
                args.add("--preset");
                args.add(p.substring(FirmwareLocator.PRESET_PREFIX.length()).trim());
            } else {
                args.add(p);
            }
        }
        args.add("--json");
        args.add(jsonFile().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new InspectCommand(FirmwareSource::open).run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        out.toString(StandardCharsets.UTF_8).lines().forEach(getLog()::info);
        if (status != 0) {
            throw new MojoExecutionException(err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** The JSON file: without a project Maven leaves the default unresolved, so it is made here. */
    private Path jsonFile() {
        Path base = Path.of(session.getExecutionRootDirectory());
        if (json == null || json.getPath().contains("${")) {
            return base.resolve("target").resolve("xenacpi").resolve("inspect.json");
        }
        return base.resolve(json.toPath());
    }
}
