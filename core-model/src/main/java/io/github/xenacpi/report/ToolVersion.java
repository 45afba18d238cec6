package io.github.xenacpi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build and the project's URL, from the {@code tool-version.properties} resource that Maven's
 * resource filtering writes at build time, so that it is right from the jar, from classes and in tests alike.
 */
public final class ToolVersion {

    /** Where the filtered properties lie on the class path. */
    static final String RESOURCE = "/io/github/xenacpi/report/tool-version.properties";

    private static final Properties PROPERTIES = read();
    private static final String VERSION = value("version");
    private static final String URL = value("url");

    private ToolVersion() {}

    /** The project version this build was made from, such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    /** The project's home page, the {@code <url>} of its pom, such as the SARIF driver's informationUri. */
    public static String url() {
        return URL;
    }

    private static String value(String key) {
        String v = PROPERTIES.getProperty(key, "");
        if (v.isBlank() || v.contains("${")) {
            throw new IllegalStateException(RESOURCE + " holds no filtered " + key + " (found '" + v
                    + "'): build core-model with Maven so that resource filtering runs");
        }
        return v.strip();
    }

    private static Properties read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: build core-model "
                        + "with Maven (its resource filtering writes the file)");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
