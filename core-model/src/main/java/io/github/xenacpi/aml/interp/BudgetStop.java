package io.github.xenacpi.aml.interp;

import java.util.Objects;

/**
 * One evaluation a budget limit stopped: the object or method evaluated from outside AML ({@code evaluation},
 * such as {@code \_SB.DEV0._STA}), the method or scope running when the limit was reached ({@code method}), the
 * limit, what was being done ({@code ""} when nothing more is known), where the evaluated object is defined
 * (table, 1-based instance, byte offset; {@code ""}, 0 and -1 when nowhere) and how many later evaluations of the
 * platform were not run because a platform-wide limit was spent (0 for a limit of one evaluation).
 */
public record BudgetStop(
        String evaluation,
        String method,
        Budget.Limit limit,
        String detail,
        String table,
        int instance,
        long offset,
        int skipped) {

    public BudgetStop {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(table, "table");
    }

    /** The stop in words: which evaluation, which limit, in which method, doing what. */
    public String message() {
        String what = detail.isEmpty() ? "" : " (" + detail + ")";
        String time = limit.timed()
                ? " (a time limit, not a step count: on another machine or run it may end" + " otherwise)"
                : "";
        String rest = skipped > 0 ? "; the " + skipped + " later evaluations of the platform were not run" : "";
        return "evaluation of " + evaluation + " stopped: " + limit.label() + " budget exceeded in " + method + what
                + time + rest;
    }

    /** This stop with the count of later evaluations a spent platform-wide limit kept from running. */
    BudgetStop withSkipped(int count) {
        return new BudgetStop(evaluation, method, limit, detail, table, instance, offset, count);
    }
}
