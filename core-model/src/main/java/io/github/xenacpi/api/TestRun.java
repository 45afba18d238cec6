package io.github.xenacpi.api;

import java.util.List;
import java.util.Objects;

/**
 * What the project's conformance tests did on one platform: how many tests ran (finished, whatever their
 * outcome), how many were skipped or aborted, and each failure.
 */
record TestRun(String platform, int run, int skipped, List<TestFailure> failures) {

    public TestRun {
        Objects.requireNonNull(platform, "platform");
        failures = List.copyOf(failures);
    }

    /** How many tests failed. */
    public int failed() {
        return failures.size();
    }

    /** One failed test: its class, its display name (with the names of the invocations above it) and why. */
    record TestFailure(String className, String displayName, String message) {

        public TestFailure {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(message, "message");
        }

        /** One line for logs and reports. */
        public String describe() {
            String cls = className.isEmpty() ? "" : className.substring(className.lastIndexOf('.') + 1) + " ";
            return cls + displayName + ": " + message;
        }
    }
}
