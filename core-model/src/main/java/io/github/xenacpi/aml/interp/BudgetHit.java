package io.github.xenacpi.aml.interp;

/**
 * A budget limit was reached: it stops the evaluation. {@code where} is the method (or scope) running when it
 * was reached; {@code detail} says what was being done, {@code ""} when nothing more is known.
 */
final class BudgetHit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Budget.Limit limit;
    final String where;
    final String detail;

    BudgetHit(Budget.Limit limit, String where) {
        this(limit, where, "");
    }

    BudgetHit(Budget.Limit limit, String where, String detail) {
        super(limit.label(), null, false, false);
        this.limit = limit;
        this.where = where;
        this.detail = detail;
    }
}
