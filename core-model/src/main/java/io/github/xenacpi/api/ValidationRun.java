package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConsoleSummary;
import io.github.xenacpi.report.ReportStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One validation as a build runs it: validates the platforms, runs the front end's own check on each (the
 * project's conformance tests in the Maven plugin), writes the report, and logs one line per platform, the
 * verdict matrix and where the report lies (the last line).
 */
public final class ValidationRun {

    /** The name of the folder below the report folder where presets are written for a check that reads paths. */
    public static final String PRESET_FOLDER = "firmware";

    /**
     * What a run produced: the files written, the report folder and how many platforms the report holds (the
     * platforms' reports went to the run's reader as they were made; the run keeps none of them).
     */
    public record Outcome(List<Path> written, Path reportDirectory, int platforms) {

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
        return execute(settings, time, log, p -> {});
    }

    /**
     * Runs the validation, handing each platform's report (with the front end's findings) to {@code reader} in the
     * platforms' order as soon as it is written, as the gate reads it ({@link Gate#tally}). The report files are
     * written platform by platform ({@link ReportStream}): the run holds a few platforms' reports at a time.
     *
     * @throws ValidationException when firmware cannot be read, the tests cannot run or the report not written
     */
    public static Outcome execute(
            ValidationSettings settings, Instant time, RunLog log, Consumer<PlatformReport> reader)
            throws ValidationException {
        Validation validation = new Validation(
                settings.strategies(), settings.overrides(), settings.threads(), settings.grid(), settings.report());
        Optional<PlatformCheck> check = settings.check();
        ConformanceReport head = ConformanceReport.assemble(
                List.of(), Validation.rules(check.map(c -> List.of(c.rule())).orElse(List.of())), time);
        List<String> names =
                settings.platforms().stream().map(PlatformSource::name).toList();
        Path dir = settings.reportDirectory();
        Path scratch = dir.resolve(PRESET_FOLDER);
        ConsoleSummary.VerdictTable table = new ConsoleSummary.VerdictTable();
        List<Path> written;
        try (ReportStream report = ReportStream.open(
                dir,
                settings.formats().stream().map(ReportFormat::fileName).toList(),
                settings.sourceRoot(),
                head,
                names)) {
            validation.run(settings.platforms(), (source, validated) -> {
                PlatformReport p =
                        check.isPresent() ? validated.withFindings(check.get().check(source, scratch, log)) : validated;
                ConsoleSummary.platform(p).forEach(log::info);
                table.add(p);
                try {
                    report.add(p);
                } catch (IOException e) {
                    throw Validation.cannotWrite(dir, e);
                }
                reader.accept(p);
            });
            written = report.finish();
        } catch (IOException e) {
            throw Validation.cannotWrite(dir, e);
        }
        table.lines().forEach(log::info);
        written.forEach(p -> log.debug("xenacpi: wrote " + p.toAbsolutePath().normalize()));
        Outcome outcome = new Outcome(written, dir, names.size());
        log.info("xenacpi: report of " + names.size() + " platform" + (names.size() == 1 ? "" : "s") + " at "
                + outcome.location());
        return outcome;
    }
}
