package io.github.xenacpi.platform;

import java.util.List;
import java.util.Objects;

/**
 * How much of what a platform's tables describe reached the model: complete, or incomplete with each loss (a
 * table cut short, AML that did not load, a budget stop) named by table, offset and reason. A verdict over an
 * incomplete platform is never better than "incomplete": what was lost may be exactly what aborts Dom0.
 */
public record Completeness(List<Loss> losses) {

    /** Nothing was lost. */
    public static final Completeness COMPLETE = new Completeness(List.of());

    public Completeness {
        losses = List.copyOf(losses);
    }

    /** Whether the model saw everything the tables describe. */
    public boolean complete() {
        return losses.isEmpty();
    }

    /**
     * One thing the model could not see: the table (signature, {@code ""} for the input as a whole), the byte
     * offset within it ({@code -1} when none applies), and why, in words a firmware engineer acts on.
     */
    public record Loss(String table, long offset, String reason) {
        public Loss {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
