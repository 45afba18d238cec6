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
}
