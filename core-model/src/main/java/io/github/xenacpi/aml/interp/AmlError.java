package io.github.xenacpi.aml.interp;

/** An AML run-time error: it aborts the evaluation, as ACPICA aborts the method and its callers. */
final class AmlError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AmlError(String message) {
        super(message, null, false, false);
    }
}
