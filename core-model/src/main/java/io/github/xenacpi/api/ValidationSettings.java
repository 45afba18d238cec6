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

    /**
     * A builder with no overrides, one platform at a time, no check of its own, no version grid, the default report (no
     * trace) and the working folder as the source root; the platforms, the strategies, the formats and the report
     * folder must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ValidationSettings} field by field, each setter named after its component. */
    public static final class Builder {
        private List<PlatformSource> platforms;
        private List<MappingStrategy> strategies;
        private Overrides overrides = Overrides.NONE;
        private Set<ReportFormat> formats;
        private Path reportDirectory;
        private int threads = 1;
        private Optional<PlatformCheck> check = Optional.empty();
        private VersionAxes grid = VersionAxes.NONE;
        private ReportOptions report = ReportOptions.DEFAULT;
        private Path sourceRoot = Path.of("").toAbsolutePath();

        private Builder() {}

        public Builder platforms(List<PlatformSource> value) {
            platforms = value;
            return this;
        }

        public Builder strategies(List<MappingStrategy> value) {
            strategies = value;
            return this;
        }

        public Builder overrides(Overrides value) {
            overrides = value;
            return this;
        }

        public Builder formats(Set<ReportFormat> value) {
            formats = value;
            return this;
        }

        public Builder reportDirectory(Path value) {
            reportDirectory = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder check(Optional<PlatformCheck> value) {
            check = value;
            return this;
        }

        public Builder grid(VersionAxes value) {
            grid = value;
            return this;
        }

        public Builder report(ReportOptions value) {
            report = value;
            return this;
        }

        public Builder sourceRoot(Path value) {
            sourceRoot = value;
            return this;
        }

        /** The ValidationSettings set so far. */
        public ValidationSettings build() {
            return new ValidationSettings(
                    platforms,
                    strategies,
                    overrides,
                    formats,
                    reportDirectory,
                    threads,
                    check,
                    grid,
                    report,
                    sourceRoot);
        }
    }
}
