package io.github.xenacpi.api;

import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one validation needs: the platforms, the strategies, the overrides, the report formats and folder,
 * how many platforms run at once, a front end's own check of each platform (empty when none), the versions of
 * each platform's Xen x Linux grid ({@link VersionAxes#NONE} for none), what the report holds (the per-access
 * trace only on request), and the folder the SARIF log's table paths are relative to ({@code %SRCROOT%}: the
 * project's folder).
 */
public record ValidationSettings(
        List<PlatformSource> platforms,
        List<MappingStrategy> strategies,
        Overrides overrides,
        Set<ReportFormat> formats,
        Path reportDirectory,
        int threads,
        Optional<PlatformCheck> check,
        VersionAxes grid,
        ReportOptions report,
        Path sourceRoot) {

    /** Settings with a grid, the default report (no trace) and the working folder as the source root. */
    public ValidationSettings(
            List<PlatformSource> platforms,
            List<MappingStrategy> strategies,
            Overrides overrides,
            Set<ReportFormat> formats,
            Path reportDirectory,
            int threads,
            Optional<PlatformCheck> check,
            VersionAxes grid) {
        this(
                platforms,
                strategies,
                overrides,
                formats,
                reportDirectory,
                threads,
                check,
                grid,
                ReportOptions.DEFAULT,
                Path.of("").toAbsolutePath());
    }

    /** Settings without a version grid. */
    public ValidationSettings(
            List<PlatformSource> platforms,
            List<MappingStrategy> strategies,
            Overrides overrides,
            Set<ReportFormat> formats,
            Path reportDirectory,
            int threads,
            Optional<PlatformCheck> check) {
        this(platforms, strategies, overrides, formats, reportDirectory, threads, check, VersionAxes.NONE);
    }

    public ValidationSettings {
        platforms = List.copyOf(platforms);
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(overrides, "overrides");
        formats = Set.copyOf(formats);
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
    }
}
