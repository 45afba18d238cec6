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
     * How every front end words a failure of ours that is not the user's to fix, in process, in a forked JVM and in
     * the CLI: one line saying what was being done and what went wrong, with no stack trace, and a class name only
     * when the failure has no message (the exception itself stays the cause, for {@code mvn -e}).
     *
     * @param during what was being done, such as {@code "validating board"}
     */
    public static String internalError(String during, Throwable failure) {
        return "internal error while " + during + " (" + describe(failure) + "); please report it with the firmware";
    }

    /** An internal failure in a few words: its message, or what kind of failure it was when it has none. */
    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (failure instanceof StackOverflowError) {
            return "nesting too deep";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? "an unexpected " + failure.getClass().getSimpleName()
                : message;
    }
}
