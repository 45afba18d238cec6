package io.github.xenacpi.aml.interp;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.aml.AmlSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What the evaluation under way records, for its {@link Evaluation}: the OperationRegion accesses in order, the
 * findings, and the reasons its value depends on state the model does not have. One per interpreter; {@link #begin}
 * starts each evaluation's record.
 */
final class EvaluationLog {
    /** Reasons kept in {@link #unknowns()}; later ones are only counted. */
    private static final int KEPT_UNKNOWNS = 64;

    private String rootPath;
    private AmlSource rootSource;
    private List<RegionAccess> accesses = new ArrayList<>();
    private List<Diagnostic> diagnostics = new ArrayList<>();
    private List<String> unknowns = new ArrayList<>();
    private int unknownCount;
    private String lastUnknown;

    /** Starts the record of an evaluation of the object at {@code path}, defined at {@code source} (or nowhere). */
    void begin(String path, AmlSource source) {
        rootPath = path;
        rootSource = source;
        accesses = new ArrayList<>();
        diagnostics = new ArrayList<>();
        unknowns = new ArrayList<>();
        unknownCount = 0;
        lastUnknown = null;
    }

    /** The path of the object evaluated from outside AML. */
    String rootPath() {
        return rootPath;
    }

    /** Records one access to an OperationRegion. */
    void access(RegionAccess access) {
        accesses.add(access);
    }

    /** Records a finding at the statement the frame runs (at the evaluation's root without a frame). */
    @FormatMethod
    void finding(Severity severity, Frame f, @FormatString String format, Object... args) {
        AmlSource src = f == null ? rootSource : f.scope.sourceOrNull();
        String table = src == null ? "" : src.table();
        int instance = src == null ? 0 : src.instance();
        long offset = src == null ? -1 : f == null ? src.offset() : f.offset;
        diagnostics.add(new Diagnostic(table, instance, offset, severity, String.format(format, args)));
    }

    /** Records a finding that names its own place. */
    void finding(Diagnostic d) {
        diagnostics.add(d);
    }

    /** Records that a value depends on state the model does not have. */
    void unknown(String reason) {
        unknownCount++;
        lastUnknown = reason;
        if (unknowns.size() < KEPT_UNKNOWNS) {
            unknowns.add(reason);
        }
    }

    /** How many times {@link #unknown} was called in this evaluation. */
    int unknownCount() {
        return unknownCount;
    }

    /** The reason last given to {@link #unknown}. */
    String lastUnknown() {
        return lastUnknown;
    }

    /** The accesses recorded, in order. */
    List<RegionAccess> accesses() {
        return accesses;
    }

    /** The findings recorded, in order. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first reasons given to {@link #unknown}, in order. */
    List<String> unknowns() {
        return unknowns;
    }
}
