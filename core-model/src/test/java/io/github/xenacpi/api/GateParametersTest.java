package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate parameters read into a gate, in the order the validate goal always read them. */
class GateParametersTest {

    @TempDir
    Path temp;

    private static final Suppression DBG2 =
            new Suppression("SBBR.TABLE.DBG2.REQUIRED", "board", "", "", "DBG2 comes with the next release");

    private static ValidationParameters strategies(String... ids) {
        return ValidationParameters.builder().strategies(List.of(ids)).build();
    }

    @Test
    void theParametersBecomeTheGateWithoutABaselineFile() throws Exception {
        Gate gate = new GateParameters("warning", "stage2-fault", List.of(DBG2))
                .gate(strategies("stage2-fault", "bus-notify"), temp);

        assertThat(gate.threshold()).isEqualTo(new Threshold(Severity.WARNING));
        assertThat(gate.requirement()).isEqualTo(new StrategyRequirement("strategy", "stage2-fault"));
        assertThat(gate.baseline()).isEqualTo(Baseline.EMPTY);
        assertThat(gate.suppressions()).containsExactly(DBG2);
    }

    @Test
    void theBaselineFileIsReadFromTheBaseFolder() throws Exception {
        Baseline known = new Baseline(
                Baseline.SCHEMA,
                List.of(new Baseline.Entry("0123456789abcdef", "board", "MCFG.LENGTH", "error", "MCFG", "short")));
        known.write(temp.resolve(Baseline.DEFAULT_FILE));

        Gate gate = new GateParameters("error", null, List.of()).gate(strategies(), temp);

        assertThat(gate.baseline()).isEqualTo(known);
        assertThat(gate.requirement()).isEqualTo(StrategyRequirement.ANY);
    }

    @Test
    void theFirstUnusableParameterIsNamedInTheGoalsOrder() throws Exception {
        Files.writeString(temp.resolve(Baseline.DEFAULT_FILE), "{ not json");
        Suppression noReason = new Suppression("MCFG.LENGTH", "", "", "", "");

        assertThatThrownBy(() ->
                        new GateParameters("fatal", "wishful", List.of(noReason)).gate(strategies("wishful"), temp))
                .hasMessageStartingWith("xenacpi.strategies: ");
        assertThatThrownBy(() -> new GateParameters("fatal", "wishful", List.of(noReason)).gate(strategies(), temp))
                .hasMessageStartingWith("xenacpi.failOn: ");
        assertThatThrownBy(() -> new GateParameters("error", "wishful", List.of(noReason)).gate(strategies(), temp))
                .hasMessageStartingWith("xenacpi.requireStrategy: ");
        assertThatThrownBy(() -> new GateParameters("error", "any", List.of(noReason)).gate(strategies(), temp))
                .hasMessageStartingWith("xenacpi.baseline: ");
        Files.delete(temp.resolve(Baseline.DEFAULT_FILE));
        assertThatThrownBy(() -> new GateParameters("error", "any", List.of(DBG2, noReason)).gate(strategies(), temp))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("MCFG.LENGTH")
                .hasMessageContaining("has no <reason>");
    }
}
