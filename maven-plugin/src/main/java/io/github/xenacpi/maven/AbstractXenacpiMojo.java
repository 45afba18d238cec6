package io.github.xenacpi.maven;

import io.github.xenacpi.api.RunLog;
import io.github.xenacpi.api.ValidationException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals' common part, as JaCoCo's {@code AbstractJacocoMojo}: {@code xenacpi.skip}, the build session, and one
 * way to turn the core's errors into Maven's (a {@link ValidationException} is the user's to fix, any other
 * exception a bug to report).
 */
public abstract class AbstractXenacpiMojo extends AbstractMojo {

    /**
     * Skips the goal: nothing is read, checked or written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.skip", defaultValue = "false")
    private boolean skip;

    /** The build session: the folder Maven runs in, for goals run without a project. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        try {
            executeMojo();
        } catch (ValidationException e) {
            throw new MojoExecutionException("xenacpi: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(
                    "xenacpi: " + ValidationException.internalError("running xenacpi:" + goal(), e), e);
        }
    }

    /** Whether {@code xenacpi.skip} is set, which is logged. */
    boolean skipped() {
        if (skip) {
            getLog().info("Skipping xenacpi:" + goal() + " because xenacpi.skip is set");
        }
        return skip;
    }

    /** The folder Maven runs in. */
    Path executionRoot() {
        return Path.of(session.getExecutionRootDirectory());
    }

    /** The goal's Maven log, for the core's runs. */
    RunLog log() {
        return new MavenBuildLog(getLog());
    }

    /**
     * A file parameter resolved against {@code base}; without a project Maven leaves a default such as
     * <code>${project.build.directory}/xenacpi</code> unresolved, and {@code fallback} (relative to {@code base})
     * stands in for it.
     */
    static Path resolve(File configured, Path base, Path fallback) {
        if (configured == null
                || configured.getPath().isEmpty()
                || configured.getPath().contains("${")) {
            return base.resolve(fallback);
        }
        return base.resolve(configured.toPath());
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** The goal's work, when not skipped. */
    abstract void executeMojo() throws ValidationException, MojoExecutionException, MojoFailureException;
}
