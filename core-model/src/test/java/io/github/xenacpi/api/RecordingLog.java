package io.github.xenacpi.api;

import java.util.ArrayList;
import java.util.List;

/** A {@link RunLog} that keeps every line with its level ({@code INFO: ...}), in order, for assertions. */
final class RecordingLog implements RunLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(String line) {
        lines.add("INFO: " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN: " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR: " + line);
    }

    @Override
    public void debug(String line) {
        lines.add("DEBUG: " + line);
    }

    /** Every line so far, each prefixed with its level. */
    List<String> lines() {
        return List.copyOf(lines);
    }
}
