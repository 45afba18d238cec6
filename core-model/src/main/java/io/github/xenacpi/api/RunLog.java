package io.github.xenacpi.api;

/** Where a run's messages go: a build tool's log, a console, a list in tests. */
public interface RunLog {

    /** A line at INFO. */
    void info(String line);

    /** A line at WARN. */
    void warn(String line);

    /** A line at ERROR: what fails the build, just before it fails. */
    void error(String line);

    /** A line at DEBUG. */
    void debug(String line);

    /** A log that drops every line. */
    RunLog SILENT = new RunLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void error(String line) {}

        @Override
        public void debug(String line) {}
    };
}
