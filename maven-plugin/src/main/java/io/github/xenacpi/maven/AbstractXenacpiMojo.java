package io.github.xenacpi.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals' common part: {@code xenacpi.skip}. */
public abstract class AbstractXenacpiMojo extends AbstractMojo {

    /**
     * Skips the goal: nothing is read, checked or written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping xenacpi:" + goal() + " because xenacpi.skip is set");
            return;
        }
        executeMojo();
    }

    /** Whether {@code xenacpi.skip} is set. */
    boolean skip() {
        return skip;
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** The goal's work, when not skipped. */
    abstract void executeMojo() throws MojoExecutionException, MojoFailureException;
}
