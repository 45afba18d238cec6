package io.github.xenacpi.maven;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The conformance report as a page of the project's site ({@code mvn site}): validates the project's firmware as
 * the {@code validate} goal does and writes its report (HTML, JSON, SARIF, JUnit XML) into {@code xenacpi/} of
 * the site, linked from the site's project reports. Findings never fail the site; the {@code validate} goal
 * gates the build.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The report's folder inside the site, and the page the site links to. */
    static final String FOLDER = "xenacpi";

    /**
     * The firmware to report on, as for the {@code validate} goal: folders of platforms, platform paths, or
     * {@code preset:ID}; relative paths start at the project's folder. When not set:
     * <code>${project.basedir}/src/firmware</code>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.firmware")
    private List<String> firmware;

    /**
     * The mapping strategies to simulate, by id; empty: every strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.strategies")
    private List<String> strategies;

    /**
     * The Xen version to simulate, such as {@code 4.17}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.xenVersion")
    private String xenVersion;

    /**
     * The Linux version of Dom0 to simulate, such as {@code 6.6}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.linuxVersion")
    private String linuxVersion;

    /**
     * The SMMU mode to simulate, {@code none} or {@code shared}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.smmu")
    private String smmu;

    /**
     * Leaves the report out of the site.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public String getOutputPath() {
        return FOLDER + "/index";
    }

    /** The same page for site plugins older than the {@code getOutputPath} API. */
    @Override
    @Deprecated
    public String getOutputName() {
        return getOutputPath();
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
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping xenacpi:report because xenacpi.skip is set");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            Path base = getProject().getBasedir().toPath();
            List<PlatformSource> platforms = FirmwareDefaults.platforms(firmware, base, false);
            if (platforms.isEmpty()) {
                throw new MavenReportException("xenacpi: no firmware to report on: "
                        + base.resolve(FirmwareDefaults.PROJECT_FOLDER) + " holds no platform; set xenacpi.firmware"
                        + " (a path or preset:ID) or xenacpi.skip");
            }
            ValidationSettings settings = new ValidationSettings(platforms, Validation.strategies(strategies),
                    Overrides.parse(xenVersion, linuxVersion, smmu), EnumSet.allOf(ReportFormat.class),
                    getReportOutputDirectory().toPath().resolve(FOLDER), Runtime.getRuntime().availableProcessors(),
                    Optional.empty());
            ValidationRun.execute(settings, Instant.now(), new MavenBuildLog(getLog()));
        } catch (ValidationException e) {
            throw new MavenReportException("xenacpi: " + e.getMessage(), e);
        }
    }
}
