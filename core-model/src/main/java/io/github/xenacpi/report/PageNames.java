package io.github.xenacpi.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for the per-platform pages: the platform's name reduced to letters, digits, dot, dash and
 * underscore, at most {@link #MAX} characters, never hidden nor a reserved device name, and unique without
 * regard to case (a number is appended on a clash), so that any firmware-given name is a safe file name on every
 * file system.
 */
final class PageNames {

    /** The longest stem kept before the numbering and the extension. */
    static final int MAX = 60;

    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");

    private PageNames() {}

    /** One {@code .html} name per platform name, in the same order. */
    static List<String> of(List<String> names) {
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String stem = stem(name);
            String file = stem + ".html";
            for (int n = 2; !taken.add(file.toLowerCase(Locale.ROOT)); n++) {
                file = stem + "-" + n + ".html";
            }
            out.add(file);
        }
        return out;
    }

    private static String stem(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            b.append(plain ? c : '_');
        }
        String stem =
                b.toString().replaceAll("_{2,}", "_").replaceAll("^[._]+", "").replaceAll("[._]+$", "");
        if (stem.length() > MAX) {
            stem = stem.substring(0, MAX);
        }
        if (stem.isEmpty()) {
            stem = "platform";
        }
        return RESERVED.matcher(stem).matches() ? "_" + stem : stem;
    }
}
