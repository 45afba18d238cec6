package io.github.xenacpi.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Validates firmware for Xen Dom0: reads each platform's ACPI tables, checks them against the conformance rules,
 * simulates Dom0's boot under each mapping strategy, writes the conformance report (HTML, JSON, SARIF, JUnit
 * XML) and fails the build on findings at or above {@code failOn}. Runs without a project too:
 * {@code mvn io.github.xenacpi:xenacpi-maven-plugin:validate -Dxenacpi.firmware=PATH} in any folder.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false,
        requiresDependencyResolution = ResolutionScope.TEST)
public class ValidateMojo extends AbstractXenacpiMojo {

    /** How many findings per platform the log shows; the report has them all. */
    private static final int LOGGED_PER_PLATFORM = 5;

    /**
     * The firmware to validate, a list: a folder whose sub-folders and dump files are one platform each, a path
     * that is itself one platform (an acpidump text file, a folder of binary tables, a copy of
     * {@code /sys/firmware/acpi/tables}, one table file), or {@code preset:ID} for a bundled platform
     * ({@code seed-rfc}, {@code qemu-virt}, {@code server-ras}, {@code new-tables}, {@code hostile};
     * {@code preset:all} for every one). Relative paths start at the project's folder. A {@code xenacpi.json} beside a platform's
     * tables is its descriptor. When not set: <code>${project.basedir}/src/firmware</code>; without a project,
     * every bundled preset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.firmware")
    private List<String> firmware;

    /**
     * The mapping strategies to simulate, by id ({@code bus-notify}, {@code xen-premap}, {@code stage2-fault},
     * ...); empty: every strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.strategies")
    private List<String> strategies;

    /**
     * The Xen version to simulate, such as {@code 4.17}, instead of each platform descriptor's (4.8 without
     * one).
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.xenVersion")
    private String xenVersion;

    /**
     * The Linux version of Dom0 to simulate, such as {@code 6.6}, instead of each platform descriptor's (4.10
     * without one).
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
     * The lowest severity of a finding that fails the build: {@code error}, {@code warning} or {@code info}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Whether findings at or above {@code failOn} (and failed conformance tests) fail the build; when
     * {@code false} they are logged as warnings and the report is still written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * The report formats to write: {@code html} ({@code index.html}), {@code json} ({@code report.json}),
     * {@code sarif} ({@code report.sarif}), {@code junit} ({@code junit.xml}); empty: every format.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.formats", defaultValue = "html,json,sarif,junit")
    private List<String> formats;

    /**
     * The folder the report is written to (created when missing); without a project,
     * {@code ./target/xenacpi}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.reportDirectory", defaultValue = "${project.build.directory}/xenacpi")
    private File reportDirectory;

    /**
     * Whether finding no platform at all fails the build; when {@code false} the goal logs it and does nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.failIfNoFirmware", defaultValue = "true")
    private boolean failIfNoFirmware;

    /**
     * Class name patterns (regular expressions over fully qualified names, such as {@code .*ConformanceTest})
     * of the project's JUnit tests to run once per platform, after the tests are compiled. Each run passes the
     * platform's firmware path as the JUnit configuration parameter {@code xenacpi.firmware}, which replaces
     * the firmware of every {@code @XenPlatform} test; the project's own JUnit version runs them, in a class
     * loader of its test class path. Their failures join the report and fail the build like findings of
     * severity {@code error}; finding no test is an error. Empty: no tests are run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.conformanceTests")
    private List<String> conformanceTests;

    /** The project (Maven's stand-in project when the goal runs without a pom). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build session: the folder Maven runs in, for goals run without a project. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The resolver session, for the JUnit Platform launcher of the conformance tests. */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    private final RepositorySystem repositorySystem;

    /** Maven makes the goal with its resolver, for the JUnit Platform launcher of the conformance tests. */
    @Inject
    public ValidateMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    String goal() {
        return "validate";
    }

    @Override
    void executeMojo() throws MojoExecutionException, MojoFailureException {
        ValidationRun.Outcome outcome;
        Threshold threshold;
        try {
            threshold = Threshold.parse(failOn);
            boolean standalone = project.getFile() == null;
            Path base = standalone || project.getBasedir() == null ? Path.of(session.getExecutionRootDirectory())
                    : project.getBasedir().toPath();
            List<PlatformSource> platforms = FirmwareDefaults.platforms(firmware, base, standalone);
            if (platforms.isEmpty()) {
                String where = base.resolve(FirmwareDefaults.PROJECT_FOLDER).toString();
                if (failIfNoFirmware) {
                    throw new MojoExecutionException("xenacpi: no firmware to validate: " + where + " holds no"
                            + " platform; put acpidump files or table folders there, set xenacpi.firmware (a path"
                            + " or preset:ID), or set xenacpi.failIfNoFirmware=false");
                }
                getLog().info("xenacpi: no firmware to validate at " + where + "; nothing done");
                return;
            }
            ValidationSettings settings = new ValidationSettings(platforms, Validation.strategies(strategies),
                    Overrides.parse(xenVersion, linuxVersion, smmu), ReportFormat.parse(formats),
                    reportDirectory(base), Runtime.getRuntime().availableProcessors(), tests());
            outcome = ValidationRun.execute(settings, Instant.now(), new MavenBuildLog(getLog()));
        } catch (ValidationException e) {
            throw new MojoExecutionException("xenacpi: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("xenacpi: internal error (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); please report it with the firmware", e);
        }
        List<Threshold.Hit> hits = threshold.hits(outcome.report());
        if (hits.isEmpty()) {
            return;
        }
        String message = threshold.failureMessage(hits, outcome.report().platforms().size(),
                outcome.location().toString());
        if (failOnViolation) {
            Threshold.logLines(hits, LOGGED_PER_PLATFORM).forEach(line -> getLog().error("xenacpi: " + line));
            throw new MojoFailureException("xenacpi: " + message);
        }
        Threshold.logLines(hits, LOGGED_PER_PLATFORM).forEach(line -> getLog().warn("xenacpi: " + line));
        getLog().warn("xenacpi: " + hits.size() + " findings at or above " + threshold.severity().label()
                + " do not fail the build because xenacpi.failOnViolation is false; report at "
                + outcome.location());
    }

    /** The report folder: without a project Maven leaves the default unresolved, so it is made here. */
    private Path reportDirectory(Path base) {
        String configured = reportDirectory == null ? "" : reportDirectory.getPath();
        if (configured.isEmpty() || configured.contains("${")) {
            return base.resolve("target").resolve("xenacpi");
        }
        return base.resolve(reportDirectory.toPath());
    }

    private Optional<ConformanceTests> tests() throws ValidationException {
        if (conformanceTests == null || conformanceTests.stream().allMatch(s -> s == null || s.isBlank())) {
            return Optional.empty();
        }
        if (project.getFile() == null) {
            throw new ValidationException("xenacpi.conformanceTests needs a project with compiled tests; run the"
                    + " goal in a project's folder");
        }
        List<String> patterns = conformanceTests.stream().filter(s -> s != null && !s.isBlank())
                .map(String::trim).toList();
        return Optional.of(new ConformanceTests(
                ProjectTestClasspath.of(project, repositorySystem, repositorySession),
                List.of(Path.of(project.getBuild().getTestOutputDirectory())), patterns));
    }
}
