package io.github.xenacpi.testing;

import io.github.xenacpi.acpi.Diagnostic;
import java.util.regex.Pattern;

/**
 * Tells a finding that reports a caught defect (an exception inside a table decoder or the AML interpreter) from
 * one about the input, even when the input's own text (a name, a string) happens to read "internal error".
 */
public final class Findings {

    private static final Pattern DECODER =
            Pattern.compile("^internal error in the \\S{4} decoder \\(.*", Pattern.DOTALL);
    private static final Pattern INTERPRETER =
            Pattern.compile("^evaluation of \\S+ failed: internal error .*", Pattern.DOTALL);

    private Findings() {}

    /** Whether the diagnostic reports a caught internal error rather than a problem of the input. */
    public static boolean isInternalError(Diagnostic d) {
        return DECODER.matcher(d.message()).matches()
                || INTERPRETER.matcher(d.message()).matches();
    }

    /** Whether the diagnostic names its table and points at a byte of it or nowhere (-1). */
    public static boolean isWellPlaced(Diagnostic d) {
        return d.offset() >= -1 && (d.instance() == 0 || !d.table().isBlank());
    }
}
