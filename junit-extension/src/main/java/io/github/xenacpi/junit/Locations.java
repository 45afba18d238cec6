package io.github.xenacpi.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds what a test names by path: below the project directory (or absolute), else on the class path. */
final class Locations {

    private Locations() {}

    /** The directory relative paths start from: the project's, where the build runs the tests. */
    static Path projectDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** The existing file or folder a name stands for, if any. */
    static Optional<Path> find(String name) {
        Path direct = projectDirectory().resolve(name).normalize();
        if (Files.exists(direct)) {
            return Optional.of(direct);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader == null ? Locations.class.getClassLoader() : loader)
                .getResource(name.startsWith("/") ? name.substring(1) : name);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Why nothing was found for a name, for messages. */
    static String notFound(String name) {
        return "no file or folder \"" + name + "\": neither below the project directory " + projectDirectory()
                + " nor a class-path resource (resources inside jars are not read)";
    }
}
