package io.github.xenacpi.aml;

/** A budget limit was reached: it stops the evaluation. */
final class BudgetHit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Budget.Limit limit;
    final String where;

    BudgetHit(Budget.Limit limit, String where) {
        super(limit.label(), null, false, false);
        this.limit = limit;
        this.where = where;
    }
}
