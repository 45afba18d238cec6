package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.aml.AmlValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating one namespace object or method from outside AML: how it ended, the value returned (when
 * it completed with one), the OperationRegion accesses made in order, the findings, the reasons the value depends on
 * state the model does not have (reads the memory model could not answer, ...), and the budget limit that ended it.
 */
public record Evaluation(
        String path,
        Outcome outcome,
        AmlValue value,
        List<RegionAccess> accesses,
        List<Diagnostic> diagnostics,
        List<String> unknowns,
        Budget.Limit limit) {

    public Evaluation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outcome, "outcome");
        accesses = List.copyOf(accesses);
        diagnostics = List.copyOf(diagnostics);
        unknowns = List.copyOf(unknowns);
    }

    /** How an evaluation ended. */
    public enum Outcome {
        /** It completed; {@link #value} is what it returned, if anything. */
        COMPLETED,
        /** The object does not exist. */
        NOT_FOUND,
        /** An AML run-time error stopped it (as ACPICA would abort the method). */
        ERROR,
        /** A budget limit stopped it. */
        BUDGET_EXCEEDED
    }

    /** The value returned, when the evaluation completed with one. */
    public Optional<AmlValue> result() {
        return Optional.ofNullable(value);
    }

    /** Whether the value is known: completed, and no input came from state the model does not have. */
    public boolean known() {
        return outcome == Outcome.COMPLETED && unknowns.isEmpty();
    }
}
