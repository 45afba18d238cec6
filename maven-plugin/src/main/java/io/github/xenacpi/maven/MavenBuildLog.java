package io.github.xenacpi.maven;

import org.apache.maven.plugin.logging.Log;

/** A {@link BuildLog} writing to a mojo's Maven log. */
record MavenBuildLog(Log log) implements BuildLog {

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }
}
