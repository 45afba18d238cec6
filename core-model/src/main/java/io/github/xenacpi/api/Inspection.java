package io.github.xenacpi.api;

import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.inspect.InspectText;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one platform holds, for a person reading it: every table, region and diagnostic, each strategy's verdict,
 * as text lines, the {@code xenacpi-inspect/1} JSON document, and on request the conformance report.
 */
public record Inspection(Platform platform, List<SimulationResult> simulations) {

    /** Where the JSON document goes when a front end is told no file, relative to the folder it runs in. */
    public static final Path DEFAULT_JSON = Path.of("target", "xenacpi", "inspect.json");

    /** The property (Maven) naming what to inspect, before {@value Firmware#PROPERTY}. */
    public static final String PATH_PROPERTY = "xenacpi.inspect.path";

    public Inspection {
        Objects.requireNonNull(platform, "platform");
        simulations = List.copyOf(simulations);
    }

    /**
     * Loads a platform and simulates every strategy on it.
     *
     * @throws ValidationException when the firmware cannot be read, or the model fails on it
     */
    public static Inspection of(PlatformSource source, Overrides overrides) throws ValidationException {
        Platform platform = source.load(overrides);
        try {
            return new Inspection(platform, Simulation.runAll(SimulationInput.of(platform), MappingStrategy.all()));
        } catch (RuntimeException e) {
            throw new ValidationException(ValidationException.internalError("inspecting " + source.name(), e), e);
        }
    }

    /**
     * The one platform the inspect goal shows: {@code path} ({@value #PATH_PROPERTY}) or else {@code firmware}
     * ({@value Firmware#PROPERTY}), as {@link Firmware#one} reads it; when neither is set, the preset
     * {@value Firmware#DEFAULT_PRESET}, which {@code log} is told. Entries of a folder that are not a platform are
     * logged as warnings.
     *
     * @param baseDir the folder relative paths start at
     * @throws ValidationException when both name different platforms, or {@link Firmware#one} refuses the one named
     */
    public static PlatformSource source(String path, String firmware, Path baseDir, RunLog log)
            throws ValidationException {
        boolean byPath = path != null && !path.isBlank();
        boolean byFirmware = firmware != null && !firmware.isBlank();
        if (byPath && byFirmware && !path.trim().equals(firmware.trim())) {
            throw new ValidationException("both " + PATH_PROPERTY + " (" + path + ") and " + Firmware.PROPERTY + " ("
                    + firmware + ") are set; inspect names one platform, set one of them");
        }
        if (!byPath && !byFirmware) {
            log.info("xenacpi: neither " + PATH_PROPERTY + " nor " + Firmware.PROPERTY + " is set: inspecting the"
                    + " preset " + Firmware.DEFAULT_PRESET + " (presets: " + Firmware.presetIds() + ")");
            return Firmware.defaultPreset();
        }
        return Firmware.one(
                byPath ? PATH_PROPERTY : Firmware.PROPERTY,
                byPath ? path : firmware,
                baseDir,
                s -> log.warn("xenacpi: " + s.describe()));
    }

    /**
     * The inspect goal's output: the text, line by line, to {@code log} at INFO, then the JSON document written to
     * {@code json} and the line naming it.
     *
     * @throws ValidationException when the file cannot be written
     */
    public void show(Path json, RunLog log) throws ValidationException {
        text().forEach(log::info);
        log.info(jsonWritten(writeJson(json)));
    }

    /** The text a person reads: tables, regions, diagnostics, the namespace, then each strategy's verdict. */
    public List<String> text() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            InspectText.print(platform, out);
            InspectText.printSimulations(simulations, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Writes the {@code xenacpi-inspect/1} JSON document (its folder is created); returns the file's absolute path.
     *
     * @throws ValidationException when the file cannot be written
     */
    public Path writeJson(Path file) throws ValidationException {
        try {
            InspectJson.write(platform, simulations, file);
        } catch (IOException e) {
            throw new ValidationException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file.toAbsolutePath().normalize();
    }

    /** The line a front end prints once {@link #writeJson} has written the document to {@code written}. */
    public static String jsonWritten(Path written) {
        return "JSON (" + InspectJson.SCHEMA + ") written to " + written;
    }

    /**
     * Writes the conformance report of this platform (JSON, HTML, SARIF, JUnit XML) into a folder; returns the
     * files written.
     *
     * @throws ValidationException when the folder or a file cannot be written
     */
    public List<Path> writeReport(Path dir, Instant time) throws ValidationException {
        ConformanceReport report = ConformanceReport.of(platform, simulations, time);
        try {
            return ReportWriter.write(report, dir);
        } catch (IOException e) {
            throw new ValidationException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }
}
