package io.github.xenacpi.maven;

import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one validation needs, parsed from the goal's parameters: the platforms, the strategies, the
 * overrides, the report formats and folder, how many platforms run at once, and the project's conformance tests
 * (empty when none are configured).
 */
public record ValidationSettings(List<PlatformSource> platforms, List<MappingStrategy> strategies,
                                 Overrides overrides, Set<ReportFormat> formats, Path reportDirectory, int threads,
                                 Optional<ConformanceTests> conformanceTests) {

    public ValidationSettings {
        platforms = List.copyOf(platforms);
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(overrides, "overrides");
        formats = Set.copyOf(formats);
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(conformanceTests, "conformanceTests");
    }
}
