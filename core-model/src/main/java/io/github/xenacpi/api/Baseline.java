package io.github.xenacpi.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The firmware findings a project has accepted for now, as SpotBugs', PMD's and detekt's baselines are: the
 * {@code baseline} goal writes a report's firmware findings to a file ({@code xenacpi-baseline.json}); a build
 * then reports findings in it as known, and only new ones fail it. Findings are matched by their {@link FindingId},
 * which does not depend on where the firmware lies. The file is sorted JSON, for review and diffs.
 *
 * @param schema   {@value #SCHEMA}
 * @param findings the accepted findings
 */
public record Baseline(
        @JsonProperty("schema") String schema,
        @JsonProperty("findings") List<Entry> findings) {

    /** The file's schema id. */
    public static final String SCHEMA = "xenacpi-baseline/1";

    /** The property naming the file. */
    public static final String PROPERTY = "xenacpi.baseline";

    /** The file's name when the property names none, relative to the project's folder. */
    public static final String DEFAULT_FILE = "xenacpi-baseline.json";

    /** No finding accepted. */
    public static final Baseline EMPTY = new Baseline(SCHEMA, List.of());

    /** Made on first use: most builds read and write no baseline, and a mapper costs a cold start time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** One accepted finding: its id, and what a reviewer reads. */
    public record Entry(
            @JsonProperty("id") String id,
            @JsonProperty("platform") String platform,
            @JsonProperty("rule") String rule,
            @JsonProperty("severity") String severity,
            @JsonProperty("table") String table,
            @JsonProperty("message") String message) {}

    public Baseline {
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    /** Every firmware finding of a report (whatever its severity), sorted by platform, rule and id. */
    public static Baseline of(ConformanceReport report) {
        return of(report.platforms());
    }

    /**
     * The baseline of platforms as they validate now: every firmware finding, as {@link #of(ConformanceReport)}.
     *
     * @throws ValidationException when a platform's firmware cannot be read, or the model fails on it
     */
    public static Baseline of(Validation validation, List<PlatformSource> platforms) throws ValidationException {
        return of(validation.run(platforms));
    }

    /**
     * The baseline goal: validates the platforms {@code parameters} name, writes their baseline to the file they
     * name and logs where.
     *
     * @param baseDir the folder relative paths start at
     * @throws ValidationException when there is no platform, a parameter or the firmware is unusable, or the file
     *                             cannot be written
     */
    public static Baseline writeFor(ValidationParameters parameters, Path baseDir, RunLog log)
            throws ValidationException {
        List<PlatformSource> platforms = parameters.platforms(baseDir, log);
        if (platforms.isEmpty()) {
            throw new ValidationException("no firmware to baseline: set " + Firmware.PROPERTY + " (a path or"
                    + " preset:ID) or put platforms below " + baseDir.resolve(Firmware.PROJECT_FOLDER));
        }
        Baseline baseline = of(parameters.validation(), platforms);
        Path file = parameters.baselineFile(baseDir);
        baseline.write(file);
        log.info("xenacpi: " + baseline.writtenNote(platforms.size(), file));
        return baseline;
    }

    private static Baseline of(List<PlatformReport> platforms) {
        List<Entry> out = new ArrayList<>();
        for (PlatformReport p : platforms) {
            for (ReportFinding f : p.findings()) {
                if (Gate.isFirmwareFinding(f)) {
                    out.add(new Entry(
                            FindingId.of(p.name(), f),
                            p.name(),
                            f.ruleId(),
                            f.severity().label(),
                            f.table(),
                            FindingId.withoutFolders(f.message())));
                }
            }
        }
        out.sort(
                Comparator.comparing(Entry::platform).thenComparing(Entry::rule).thenComparing(Entry::id));
        return new Baseline(SCHEMA, out.stream().distinct().toList());
    }

    /** The ids of the accepted findings. */
    public Set<String> ids() {
        return findings.stream().map(Entry::id).collect(Collectors.toSet());
    }

    /**
     * Reads a baseline file, or gives {@link #EMPTY} when there is none: a project without a baseline accepts no
     * finding.
     *
     * @throws ValidationException when the file exists but cannot be read or is not a baseline
     */
    public static Baseline readOrEmpty(Path file) throws ValidationException {
        return Files.exists(file) ? read(file) : EMPTY;
    }

    /**
     * Reads a baseline file.
     *
     * @throws ValidationException when it cannot be read or is not a baseline, naming the property and the file
     */
    public static Baseline read(Path file) throws ValidationException {
        Baseline b;
        try {
            b = Json.MAPPER.readValue(file.toFile(), Baseline.class);
        } catch (JsonProcessingException e) {
            throw new ValidationException(
                    PROPERTY + ": " + file + " is not a baseline written by the baseline goal"
                            + " (line "
                            + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "); write it again"
                            + " with xenacpi:baseline",
                    e);
        } catch (IOException e) {
            throw new ValidationException(PROPERTY + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (b == null) {
            throw new ValidationException(PROPERTY + ": " + file + " holds JSON null, not a baseline written by the"
                    + " baseline goal; write it again with xenacpi:baseline");
        }
        if (!SCHEMA.equals(b.schema())) {
            throw new ValidationException(PROPERTY + ": " + file + " has schema \"" + b.schema() + "\", not \"" + SCHEMA
                    + "\"; write it again with xenacpi:baseline");
        }
        for (Entry e : b.findings()) {
            if (e.id() == null || !e.id().toLowerCase(Locale.ROOT).matches("[0-9a-f]{16}")) {
                throw new ValidationException(PROPERTY + ": " + file + ": a finding has no 16-digit id (" + e.id()
                        + "); write it again with xenacpi:baseline");
            }
        }
        return b;
    }

    /**
     * The line a goal logs once it has written this baseline of {@code platforms} platforms to {@code file}.
     */
    public String writtenNote(int platforms, Path file) {
        return "baseline of " + findings.size() + " firmware findings on " + platforms + " platform"
                + (platforms == 1 ? "" : "s") + " written to " + file + "; validate now fails only on new findings";
    }

    /**
     * Writes the baseline file (its folder is created).
     *
     * @throws ValidationException when it cannot be written
     */
    public void write(Path file) throws ValidationException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new ValidationException(PROPERTY + ": cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
