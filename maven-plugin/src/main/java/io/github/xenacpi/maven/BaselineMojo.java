package io.github.xenacpi.maven;

import io.github.xenacpi.api.Baseline;
import io.github.xenacpi.api.Firmware;
import io.github.xenacpi.api.Validation;
import io.github.xenacpi.api.ValidationException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the baseline: validates the firmware as {@code validate} does (same parameters) and writes every firmware
 * finding to the {@code baseline} file ({@code xenacpi-baseline.json} by default), so later builds report them as
 * known and fail only on new ones. Commit the file; run the goal again when findings are fixed.
 * {@code mvn xenacpi:baseline}.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends AbstractValidationMojo {

    @Override
    String goal() {
        return "baseline";
    }

    @Override
    void executeMojo() throws ValidationException, MojoExecutionException {
        var platforms = platforms();
        if (platforms.isEmpty()) {
            throw new MojoExecutionException("xenacpi: no firmware to baseline: set xenacpi.firmware (a path or"
                    + " preset:ID) or put platforms below " + baseDir().resolve(Firmware.PROJECT_FOLDER));
        }
        var reports = new Validation(chosenStrategies(), overrides(), Runtime.getRuntime().availableProcessors())
                .run(platforms);
        Baseline baseline = Baseline.of(Validation.report(reports, List.of(), Map.of(), Instant.now()));
        Path file = baselineFile();
        baseline.write(file);
        getLog().info("xenacpi: baseline of " + baseline.findings().size() + " firmware findings on "
                + platforms.size() + " platform" + (platforms.size() == 1 ? "" : "s") + " written to " + file
                + "; validate now fails only on new findings");
    }
}
