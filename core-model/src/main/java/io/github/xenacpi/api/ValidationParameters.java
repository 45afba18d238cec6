package io.github.xenacpi.api;

import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters every validating goal shares, as a user writes them (a parameter group, as JaCoCo's): which
 * firmware, which strategies, which Xen, Linux and SMMU setting, the version grid, the trace and the baseline file.
 * Each is read into the core's inputs on request ({@link ValidationSettings} holds them read), every error naming
 * its property; blank or {@code null} means not set.
 *
 * @param firmware      the firmware entries ({@link Firmware#locate}); none: the project's {@value
 *                      Firmware#PROJECT_FOLDER}
 * @param strategies    the strategy ids, each entry possibly a comma-separated list; none: every strategy
 * @param xenVersion    the Xen version replacing each descriptor's
 * @param linuxVersion  the Linux version replacing each descriptor's
 * @param smmu          the SMMU mode replacing each descriptor's
 * @param xenVersions   the Xen axis of the version grid ({@link VersionAxes#parse})
 * @param linuxVersions the Linux axis of the version grid
 * @param trace         whether report.json holds the per-access trace
 * @param baseline      the baseline file, relative to the project's folder; blank: {@value Baseline#DEFAULT_FILE}
 */
public record ValidationParameters(
        List<String> firmware,
        List<String> strategies,
        String xenVersion,
        String linuxVersion,
        String smmu,
        String xenVersions,
        String linuxVersions,
        boolean trace,
        String baseline) {

    public ValidationParameters {
        firmware = entries(firmware);
        strategies = entries(strategies);
        xenVersion = text(xenVersion);
        linuxVersion = text(linuxVersion);
        smmu = text(smmu);
        xenVersions = text(xenVersions);
        linuxVersions = text(linuxVersions);
        baseline = text(baseline);
    }

    /** A builder with no parameter set: no entries, blank texts, no trace. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ValidationParameters} parameter by parameter, as a front end reads them. */
    public static final class Builder {
        private List<String> firmware;
        private List<String> strategies;
        private String xenVersion;
        private String linuxVersion;
        private String smmu;
        private String xenVersions;
        private String linuxVersions;
        private boolean trace;
        private String baseline;

        private Builder() {}

        public Builder firmware(List<String> value) {
            firmware = value;
            return this;
        }

        public Builder strategies(List<String> value) {
            strategies = value;
            return this;
        }

        public Builder xenVersion(String value) {
            xenVersion = value;
            return this;
        }

        public Builder linuxVersion(String value) {
            linuxVersion = value;
            return this;
        }

        public Builder smmu(String value) {
            smmu = value;
            return this;
        }

        public Builder xenVersions(String value) {
            xenVersions = value;
            return this;
        }

        public Builder linuxVersions(String value) {
            linuxVersions = value;
            return this;
        }

        public Builder trace(boolean value) {
            trace = value;
            return this;
        }

        public Builder baseline(String value) {
            baseline = value;
            return this;
        }

        /** The parameters set so far. */
        public ValidationParameters build() {
            return new ValidationParameters(
                    firmware, strategies, xenVersion, linuxVersion, smmu, xenVersions, linuxVersions, trace, baseline);
        }
    }

    /** Whether {@code firmware} names anything. */
    public boolean namesFirmware() {
        return named(firmware);
    }

    /**
     * These parameters, each of the firmware, the strategies, the versions, the SMMU mode and the grid that is not
     * set taken from {@code inherited}; the trace and the baseline stay. The site report inherits so from the
     * build's {@code validate} execution.
     */
    public ValidationParameters inheriting(ValidationParameters inherited) {
        return new ValidationParameters(
                namesFirmware() ? firmware : inherited.firmware,
                named(strategies) ? strategies : inherited.strategies,
                or(xenVersion, inherited.xenVersion),
                or(linuxVersion, inherited.linuxVersion),
                or(smmu, inherited.smmu),
                or(xenVersions, inherited.xenVersions),
                or(linuxVersions, inherited.linuxVersions),
                trace,
                baseline);
    }

    /**
     * The platforms to validate, each entry of a folder that is not a platform logged as a warning with its reason;
     * empty when {@code firmware} names nothing and {@code baseDir} has no {@value Firmware#PROJECT_FOLDER}.
     *
     * @param baseDir the folder relative paths start at
     * @throws ValidationException when an entry names an unknown preset, a missing path or a folder without platforms
     */
    public List<PlatformSource> platforms(Path baseDir, RunLog log) throws ValidationException {
        FirmwareFolder.Found found;
        if (namesFirmware()) {
            found = Firmware.locate(firmware, baseDir);
        } else {
            Path folder = baseDir.resolve(Firmware.PROJECT_FOLDER);
            found = Files.isDirectory(folder)
                    ? FirmwareFolder.platformsAt(folder)
                    : new FirmwareFolder.Found(List.of(), List.of());
        }
        found.skipped().forEach(s -> log.warn("xenacpi: " + s.describe()));
        return found.platforms();
    }

    /**
     * The strategies {@code strategies} names, in report order.
     *
     * @throws ValidationException when an id names no strategy
     */
    public List<MappingStrategy> chosenStrategies() throws ValidationException {
        return Validation.strategies(strategies);
    }

    /**
     * What replaces every descriptor's versions and SMMU mode.
     *
     * @throws ValidationException when a version or the mode cannot be read
     */
    public Overrides overrides() throws ValidationException {
        return Overrides.parse(xenVersion, linuxVersion, smmu);
    }

    /**
     * The versions of each platform's Xen x Linux grid; {@link VersionAxes#NONE} when neither axis is set.
     *
     * @throws ValidationException when a version cannot be read
     */
    public VersionAxes grid() throws ValidationException {
        return VersionAxes.parse(xenVersions, linuxVersions);
    }

    /** What report.json holds: the per-access trace only with {@code trace}. */
    public ReportOptions reportOptions() {
        return ReportOptions.DEFAULT.withTrace(trace);
    }

    /** The baseline file, resolved against the folder relative paths start at. */
    public Path baselineFile(Path baseDir) {
        return baseDir.resolve(baseline.isBlank() ? Baseline.DEFAULT_FILE : baseline.trim())
                .normalize();
    }

    /**
     * A validation of these strategies and overrides, as many platforms at once as there are processors.
     *
     * @throws ValidationException when a strategy id, a version or the SMMU mode cannot be read
     */
    public Validation validation() throws ValidationException {
        return new Validation(chosenStrategies(), overrides(), threads());
    }

    /**
     * The settings of a run over {@code platforms}: the parameters are read in the order strategies, overrides,
     * {@code formats}, the front end's check, grid, so the first unusable one is the one named.
     *
     * @param formats         the report formats ({@link ReportFormat#parse}); none: every format
     * @param reportDirectory the folder the report is written to
     * @param check           the front end's own check of each platform, made after the formats are read
     * @param sourceRoot      the folder the SARIF log's table paths are relative to (the project's folder)
     * @throws ValidationException naming the first unusable parameter, or when the check cannot be made
     */
    public ValidationSettings settings(
            List<PlatformSource> platforms,
            List<String> formats,
            Path reportDirectory,
            PlatformCheck.Provider check,
            Path sourceRoot)
            throws ValidationException {
        List<MappingStrategy> chosen = chosenStrategies();
        Overrides overrides = overrides();
        Set<ReportFormat> written = ReportFormat.parse(formats);
        Optional<PlatformCheck> made = check.get();
        return ValidationSettings.builder()
                .platforms(platforms)
                .strategies(chosen)
                .overrides(overrides)
                .formats(written)
                .reportDirectory(reportDirectory)
                .threads(threads())
                .check(made)
                .grid(grid())
                .report(reportOptions())
                .sourceRoot(sourceRoot)
                .build();
    }

    /** How many platforms a run validates at once: one per processor. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static List<String> entries(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static boolean named(List<String> entries) {
        return entries.stream().anyMatch(s -> !s.isBlank());
    }

    private static String or(String own, String inherited) {
        return own.isBlank() ? inherited : own;
    }
}
