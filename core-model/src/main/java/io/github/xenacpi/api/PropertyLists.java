package io.github.xenacpi.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Lists in a properties file, as the forked validation's job file and the build's index of runs keep them: a
 * {@code key.count} and {@code key.0}, {@code key.1}, ... (a null entry is kept as empty).
 */
final class PropertyLists {

    private PropertyLists() {}

    static void put(Properties p, String key, List<String> values) {
        p.setProperty(key + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            p.setProperty(key + "." + i, value == null ? "" : value);
        }
    }

    /**
     * The list kept under {@code key}.
     *
     * @param file what the file is, for messages ("a job file")
     * @throws IOException when the count or an entry is missing, or the count is no number
     */
    static List<String> get(Properties p, String key, String file) throws IOException {
        int count;
        try {
            count = Integer.parseInt(value(p, key + ".count", file));
        } catch (NumberFormatException e) {
            throw new IOException("not " + file + " of this version: " + key + ".count is not a number", e);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(value(p, key + "." + i, file));
        }
        return out;
    }

    /**
     * The value kept under {@code key}.
     *
     * @throws IOException when it is missing
     */
    static String value(Properties p, String key, String file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("not " + file + " of this version: " + key + " is missing");
        }
        return value;
    }
}
