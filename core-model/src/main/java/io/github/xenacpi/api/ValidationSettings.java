package io.github.xenacpi.api;

import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one validation needs: the platforms, the strategies, the overrides, the report formats and folder,
 * how many platforms run at once, and a front end's own check of each platform (empty when none).
 */
public record ValidationSettings(List<PlatformSource> platforms, List<MappingStrategy> strategies,
                                 Overrides overrides, Set<ReportFormat> formats, Path reportDirectory, int threads,
                                 Optional<PlatformCheck> check) {

    public ValidationSettings {
        platforms = List.copyOf(platforms);
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(overrides, "overrides");
        formats = Set.copyOf(formats);
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(check, "check");
    }
}
