package io.github.xenacpi.report;

/**
 * What a report carries beyond what a user acts on. By default a platform's part states each conclusion once:
 * firmware findings, strategy outcomes grouped by region and cause, tables by their headers. With {@code trace}
 * it also carries the full per-access event trace of every strategy ({@code trace}), each table's decoded fields
 * and the namespace's devices with their resources, as the inspect document has them.
 */
public record ReportOptions(boolean trace) {

    /** The default: no trace. */
    public static final ReportOptions DEFAULT = new ReportOptions(false);

    /** Everything, with the per-access event trace. */
    public static final ReportOptions TRACE = new ReportOptions(true);

    /** These options with the trace on or off. */
    public ReportOptions withTrace(boolean on) {
        return new ReportOptions(on);
    }
}
