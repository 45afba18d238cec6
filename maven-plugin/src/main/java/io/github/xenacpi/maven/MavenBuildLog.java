package io.github.xenacpi.maven;

import io.github.xenacpi.api.RunLog;
import org.apache.maven.plugin.logging.Log;

/** A {@link RunLog} writing to a mojo's Maven log. */
record MavenBuildLog(Log log) implements RunLog {

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }
}
