package io.github.xenacpi.api;

import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters that decide what fails a build, as a user writes them (a parameter group, as JaCoCo's): the lowest
 * severity of a failing firmware finding ({@code xenacpi.failOn}), the strategy outcome every platform must reach
 * ({@code xenacpi.requireStrategy}) and the accepted findings; {@link #gate} reads them into a {@link Gate}.
 *
 * @param failOn          {@code error}, {@code warning} or {@code info}
 * @param requireStrategy {@code any}, {@code none} or a strategy id; blank or {@code null}: {@code any}
 * @param suppressions    the configured suppressions, each checked by {@link #gate}
 */
public record GateParameters(String failOn, String requireStrategy, List<Suppression> suppressions) {

    public GateParameters {
        suppressions = List.copyOf(suppressions);
    }

    /**
     * The gate of a validation: its strategies are the simulated ones a required strategy must be among, its
     * baseline file (a missing file is an empty baseline) holds the known findings. Each parameter is read in turn,
     * the first unusable one named in the exception.
     *
     * @param baseDir the folder a relative baseline path starts at
     * @throws ValidationException when a parameter is unusable or the baseline file cannot be read
     */
    public Gate gate(ValidationParameters validation, Path baseDir) throws ValidationException {
        List<MappingStrategy> strategies = validation.chosenStrategies();
        Threshold threshold = Threshold.parse(failOn);
        StrategyRequirement requirement = StrategyRequirement.parse(requireStrategy, strategies);
        Baseline baseline = Baseline.readOrEmpty(validation.baselineFile(baseDir));
        List<Suppression> checked = new ArrayList<>();
        for (Suppression s : suppressions) {
            checked.add(Objects.requireNonNull(s, "suppression").checked());
        }
        return new Gate(threshold, requirement, baseline, checked);
    }
}
