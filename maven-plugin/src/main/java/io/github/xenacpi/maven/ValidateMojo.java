package io.github.xenacpi.maven;

import io.github.xenacpi.api.ForkedValidation;
import io.github.xenacpi.api.GateParameters;
import io.github.xenacpi.api.MissingFirmware;
import io.github.xenacpi.api.PlatformCheck;
import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.api.ViolationPolicy;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Validates firmware for Xen Dom0: reads each platform's ACPI tables, checks them against the conformance rules,
 * simulates Dom0's boot under each mapping strategy, writes the conformance report (HTML, JSON, SARIF, JUnit
 * XML) and fails the build on new firmware findings at or above {@code failOn} and on strategy outcomes that miss
 * {@code requireStrategy}; findings in the baseline or suppressed with a reason are reported, not failed on. Runs
 * without a project too:
 * {@code mvn io.github.xenacpi:xenacpi-maven-plugin:validate -Dxenacpi.firmware=PATH} in any folder.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "validate",
        defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true,
        requiresProject = false,
        requiresDependencyResolution = ResolutionScope.TEST)
public class ValidateMojo extends AbstractValidationMojo {

    /**
     * The lowest severity of a firmware finding (a table defect, a failed conformance test) that fails the build:
     * {@code error}, {@code warning} or {@code info}. Dom0 strategy outcomes are not firmware findings: see
     * {@code requireStrategy}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.failOn", defaultValue = "error")
    private String failOn;

    /**
     * What strategy outcome fails the build, on every platform: {@code any} (some simulated strategy must boot
     * Dom0, verdict PASS or DEGRADED), {@code none} (strategy outcomes never fail the build), or a strategy id
     * such as {@code stage2-fault} (that strategy must boot Dom0; it must be among {@code strategies}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.requireStrategy", defaultValue = "any")
    private String requireStrategy;

    /**
     * Firmware findings the project accepts, each with the required reason, as SpotBugs and PMD suppressions:
     * <pre>&lt;suppression&gt;&lt;rule&gt;SBBR.TABLE.DBG2.REQUIRED&lt;/rule&gt;&lt;platform&gt;board&lt;/platform&gt;
     * &lt;reason&gt;DBG2 comes with the next firmware release&lt;/reason&gt;&lt;/suppression&gt;</pre>
     * {@code rule} and {@code reason} are required; {@code platform}, {@code table} and {@code finding} (a
     * finding's id, as in the baseline) narrow it. Suppressed findings are logged with the reason and do not fail
     * the build.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Suppression> suppressions;

    /**
     * Whether firmware findings at or above {@code failOn} and unmet strategy requirements fail the build; when
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
     * The folder the report is written to (created when missing); without a project, {@code ./target/xenacpi}.
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
     * the firmware of every {@code @XenPlatform} test; the project's own JUnit version runs them. Their failures
     * join the report and fail the build like findings of severity {@code error}; finding no test is an error.
     * Empty: no tests are run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.conformanceTests")
    private List<String> conformanceTests;

    /**
     * Skips the conformance tests (the validation still runs), as Surefire does: set by {@code -DskipTests}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Skips the conformance tests (the validation still runs), as Surefire does: set by
     * {@code -Dmaven.test.skip=true}, which also skips compiling them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    /**
     * Whether the validation runs in a JVM of its own, as Surefire runs tests: started with {@code argLine}, a
     * short run's flags, it takes about 40 % less CPU time than in the build's JVM (the site's performance
     * page). The goal runs in the build's JVM when {@code conformanceTests} are named.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.fork", defaultValue = "true")
    private boolean fork;

    /**
     * The flags of the forked JVM ({@code fork}), such as {@code -Xmx2g}; the default keeps to the C1 compiler
     * and the serial collector, which suit a run of seconds, and puts the heap in transparent huge pages where
     * Linux offers them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.argLine", defaultValue = ForkedValidation.DEFAULT_ARG_LINE)
    private String argLine;

    /**
     * Where the forked JVM keeps class-data archives of the plugin's classes, so that later runs map them instead
     * of loading them: one per JVM and plugin version, about 17 MB each, the four most recently used kept
     * (Java 13 and later). Empty: no archive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.classDataFolder", defaultValue = "${user.home}/.m2/xenacpi")
    private String classDataFolder;

    /**
     * Whether the forked JVM ({@code fork}) is kept as a daemon between builds, as Gradle keeps its own: the first
     * build starts it, later builds with the same JVM, plugin and {@code argLine} hand it their validation, its
     * classes loaded and its code compiled already (several at once), until it has waited
     * {@code daemonIdleSeconds} for one. It listens on a Unix domain socket in {@code classDataFolder}'s
     * {@code daemons} folder (its owner's alone), beside its log; a build that cannot reach it forks a JVM of its
     * own. Off by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.daemon", defaultValue = "false")
    private boolean daemon;

    /**
     * How many seconds the daemon ({@code daemon}) waits for the next build before it exits.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.daemonIdleSeconds", defaultValue = "600")
    private int daemonIdleSeconds;

    /**
     * Whether a forked validation ({@code fork}) is skipped when nothing it reads has changed since the last one
     * into the same report folder: the firmware's content, the baseline, the goal's settings, the plugin and the
     * JVM. The goal then repeats that run's log lines and decision, as Spotless's up-to-date checking does; the
     * record is kept in <code>${project.build.directory}/xenacpi-index</code>, and a report file changed or
     * deleted since makes the goal validate again.
     *
     * @since 0.1.0
     */
    @Parameter(property = ForkedValidation.INCREMENTAL, defaultValue = "true")
    private boolean incremental;

    /** The plugin's own artifacts: the forked JVM's class path. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

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
    void executeMojo() throws ValidationException, MojoFailureException {
        ForkedValidation.Job job = new ForkedValidation.Job(
                parameters(),
                new GateParameters(failOn, requireStrategy, Suppression.toCore(suppressions)),
                ViolationPolicy.of(failOnViolation),
                formats,
                resolve(reportDirectory, baseDir(), Path.of("target", "xenacpi")),
                baseDir(),
                Instant.now());
        Optional<String> failure = ForkedValidation.validate(
                job,
                fork ? Optional.of(forkedJvm()) : Optional.empty(),
                index(),
                named(conformanceTests) ? Optional.of(this::tests) : Optional.empty(),
                MissingFirmware.of(standalone(), failIfNoFirmware),
                log());
        if (failure.isPresent()) {
            throw new MojoFailureException("xenacpi: " + failure.get());
        }
    }

    /** The build's folder of run records, when {@code incremental}. */
    private Optional<Path> index() {
        if (!incremental) {
            return Optional.empty();
        }
        String build = project.getBuild().getDirectory();
        return Optional.of(resolve(build == null ? null : new File(build), baseDir(), Path.of("target"))
                .resolve("xenacpi-index"));
    }

    private ForkedValidation.Jvm forkedJvm() throws ValidationException {
        Set<Path> classPath = new LinkedHashSet<>();
        classPath.add(plugin.getPluginArtifact().getFile().toPath());
        plugin.getArtifacts().forEach(a -> classPath.add(a.getFile().toPath()));
        ForkedValidation.Jvm jvm = ForkedValidation.Jvm.of(List.copyOf(classPath), argLine, classDataFolder);
        if (!daemon) {
            return jvm;
        }
        if (daemonIdleSeconds < 1) {
            throw new ValidationException(
                    "xenacpi.daemonIdleSeconds must be at least 1 (seconds the daemon waits for the next build), not "
                            + daemonIdleSeconds);
        }
        return jvm.withDaemon(Duration.ofSeconds(daemonIdleSeconds));
    }

    private static boolean named(List<String> values) {
        return values != null && values.stream().anyMatch(s -> s != null && !s.isBlank());
    }

    /** The project's conformance tests, which {@code conformanceTests} names. */
    private Optional<PlatformCheck> tests() throws ValidationException {
        if (skipTests || mavenTestSkip) {
            getLog().info("xenacpi: skipping the conformance tests because "
                    + (mavenTestSkip ? "maven.test.skip" : "skipTests") + " is set; the firmware is still validated");
            return Optional.empty();
        }
        if (standalone()) {
            throw new ValidationException("xenacpi.conformanceTests needs a project with compiled tests; run the"
                    + " goal in a project's folder");
        }
        return Optional.of(
                ProjectTestClasspath.conformanceTests(project, repositorySystem, repositorySession, conformanceTests));
    }
}
