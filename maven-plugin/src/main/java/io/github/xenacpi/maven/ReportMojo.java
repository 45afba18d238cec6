package io.github.xenacpi.maven;

import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.api.ValidationRun;
import java.io.File;
import java.time.Instant;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The conformance report as a page of the project's site ({@code mvn site}): validates the project's firmware as
 * the {@code validate} goal does, with the same parameters, and writes its report (HTML, JSON, SARIF, JUnit XML)
 * into {@code xenacpi/} of the site, linked from the site's project reports. What the report does not set itself
 * (under {@code <reporting>} or as a property) comes from the build's {@code validate} execution, so the site
 * checks the same firmware the same way. Findings never fail the site; the {@code validate} goal gates the
 * build. Needs maven-site-plugin {@value #SITE_PLUGIN_NEEDED} or later (Maven 3.8 defaults to 3.3). Also runs on
 * its own: {@code mvn xenacpi:report}.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractValidationMojo implements MavenReport {

    /** The report's folder inside the site, and the page the site links to. */
    static final String FOLDER = "xenacpi";

    /** The oldest maven-site-plugin whose reporting API this report implements. */
    static final String SITE_PLUGIN_NEEDED = "3.12.1";

    /**
     * The site's folder; the report goes into its {@code xenacpi/} sub-folder.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Override
    String goal() {
        return "report";
    }

    @Override
    void executeMojo() throws MojoExecutionException {
        try {
            write();
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        if (canGenerateReport()) {
            write();
        }
    }

    /** Validates as the build's validate execution does, into the site's {@value #FOLDER} folder. */
    private void write() throws MavenReportException {
        try {
            ValidationRun.report(
                    parameters().inheriting(ValidateExecutionConfig.of(project).parameters()),
                    baseDir(),
                    outputDirectory.toPath().resolve(FOLDER),
                    Instant.now(),
                    log());
        } catch (ValidationException e) {
            throw new MavenReportException("xenacpi: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the site plugin that runs this report speaks its reporting API: maven-site-plugin before
     * {@value #SITE_PLUGIN_NEEDED} (3.3 is Maven 3.8's default) calls {@code generate} with Doxia 1.0's sink.
     */
    static boolean siteApiSupported() {
        try {
            MavenReport.class.getMethod("generate", Sink.class, Locale.class);
            return true;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /** Deprecated in maven-reporting-api 3.1 for {@code getOutputPath}, which Maven 3.8's site plugin never calls. */
    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return FOLDER + "/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "Xen ACPI conformance";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Conformance of the project's firmware for Xen Dom0: findings, and the verdict of each mapping"
                + " strategy per platform.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skipped()) {
            return false;
        }
        if (!siteApiSupported()) {
            String message = "xenacpi: the report needs maven-site-plugin " + SITE_PLUGIN_NEEDED + " or later;"
                    + " this build runs an older one (Maven 3.8 defaults to 3.3). Pin it in the pom: <plugin>"
                    + "<artifactId>maven-site-plugin</artifactId><version>3.21.0</version></plugin>";
            getLog().error(message);
            throw new MavenReportException(message);
        }
        return true;
    }
}
