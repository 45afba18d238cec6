package io.github.xenacpi.maven;

/** Where a goal's messages go: Maven's log in a build, a list in tests. */
public interface BuildLog {

    /** A line at INFO. */
    void info(String line);

    /** A line at WARN. */
    void warn(String line);

    /** A line at DEBUG. */
    void debug(String line);
}
