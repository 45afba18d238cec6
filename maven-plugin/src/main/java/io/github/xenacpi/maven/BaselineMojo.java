package io.github.xenacpi.maven;

import io.github.xenacpi.api.Baseline;
import io.github.xenacpi.api.ValidationException;
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
    void executeMojo() throws ValidationException {
        Baseline.writeFor(parameters(), baseDir(), log());
    }
}
