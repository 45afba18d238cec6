package io.github.xenacpi.api;

/**
 * A validation that could not run: unusable configuration, unreadable firmware, a report that cannot be written,
 * conformance tests that cannot be started. The message says what to change; the goals turn it into a
 * {@code MojoExecutionException}.
 */
public final class ValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem with no underlying exception. */
    public ValidationException(String message) {
        super(message);
    }

    /** A problem caused by another exception. */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * How a front end words an exception of ours that is not the user's to fix, in process or in a forked JVM: one
     * line naming it, with no stack trace for the build's log.
     */
    public static String internalError(RuntimeException e) {
        return "internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); please report it with the firmware";
    }
}
