package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.ConsoleSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validation as a build runs it: validates the platforms, runs the front end's own check on each (the
 * project's conformance tests in the Maven plugin), writes the report, and logs one line per platform, the
 * verdict matrix and where the report lies (the last line).
 */
public final class ValidationRun {

    /** The name of the folder below the report folder where presets are written for a check that reads paths. */
    public static final String PRESET_FOLDER = "firmware";

    /** What a run produced: the report and the files written. */
    public record Outcome(ConformanceReport report, List<Path> written, Path reportDirectory) {

        public Outcome {
            written = List.copyOf(written);
        }

        /** The file a person opens: {@code index.html} when written, else the report folder. */
        public Path location() {
            return written.stream()
                    .filter(p -> p.getFileName().toString().equals(ReportFormat.HTML.fileName()))
                    .findFirst()
                    .orElse(reportDirectory)
                    .toAbsolutePath()
                    .normalize();
        }
    }

    private ValidationRun() {}

    /**
     * The site report's run: validates the platforms {@code parameters} name, with no check of the front end's and
     * no gate, and writes every report format into {@code reportDirectory}.
     *
     * @param baseDir the folder relative paths start at (the project's)
     * @throws ValidationException when there is no platform to report on, or the run fails as {@link #execute} does
     */
    public static Outcome report(
            ValidationParameters parameters, Path baseDir, Path reportDirectory, Instant time, RunLog log)
            throws ValidationException {
        List<PlatformSource> platforms = parameters.platforms(baseDir, log);
        if (platforms.isEmpty()) {
            throw new ValidationException("no firmware to report on: " + baseDir.resolve(Firmware.PROJECT_FOLDER)
                    + " holds no platform; set " + Firmware.PROPERTY + " (a path or preset:ID) or xenacpi.skip");
        }
        return execute(
                parameters.settings(platforms, List.of(), reportDirectory, PlatformCheck.Provider.NONE, baseDir),
                time,
                log);
    }

    /**
     * Runs the validation.
     *
     * @throws ValidationException when firmware cannot be read, the tests cannot run or the report not written
     */
    public static Outcome execute(ValidationSettings settings, Instant time, RunLog log) throws ValidationException {
        Validation validation = new Validation(
                settings.strategies(), settings.overrides(), settings.threads(), settings.grid(), settings.report());
        List<PlatformReport> platforms = validation.run(settings.platforms());
        Map<String, List<ReportFinding>> extra = new LinkedHashMap<>();
        if (settings.check().isPresent()) {
            PlatformCheck check = settings.check().get();
            Path scratch = settings.reportDirectory().resolve(PRESET_FOLDER);
            for (PlatformSource source : settings.platforms()) {
                extra.put(source.name(), check.check(source, scratch, log));
            }
        }
        ConformanceReport report = Validation.report(
                platforms, settings.check().map(c -> List.of(c.rule())).orElse(List.of()), extra, time);
        report.platforms().forEach(p -> ConsoleSummary.platform(p).forEach(log::info));
        ConsoleSummary.end(report).forEach(log::info);
        List<Path> written =
                Validation.write(report, settings.reportDirectory(), settings.formats(), settings.sourceRoot());
        written.forEach(p -> log.debug("xenacpi: wrote " + p.toAbsolutePath().normalize()));
        Outcome outcome = new Outcome(report, written, settings.reportDirectory());
        log.info("xenacpi: report of " + report.platforms().size() + " platform"
                + (report.platforms().size() == 1 ? "" : "s") + " at " + outcome.location());
        return outcome;
    }
}
