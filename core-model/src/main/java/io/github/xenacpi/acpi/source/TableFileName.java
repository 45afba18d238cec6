package io.github.xenacpi.acpi.source;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name says about the table in it: the signature it names (acpixtract's {@code ssdt2.dat}, sysfs's
 * {@code SSDT2}, {@code DSDT.aml}, {@code acpi-hp-envy-x2-dsdt.dat}, QEMU's {@code APIC.its_off}), the
 * instance number appended to it, and the order in which a folder of such files is read: by name, with
 * numbers compared as numbers ({@code ssdt2} before {@code ssdt10}).
 */
record TableFileName(String name, String stem, Optional<String> signature, int number) {

    /** Extensions of binary table files, lower case. */
    private static final Set<String> TABLE_EXTENSIONS = Set.of("dat", "aml", "bin");
    /** Extensions that are text by convention, never a table whatever the stem says. */
    private static final Set<String> TEXT_EXTENSIONS =
            Set.of("dsl", "asl", "md", "txt", "log", "json", "xml", "html", "csv", "sh", "py", "yaml", "yml");

    private static final Pattern SIGNATURE_AT_END = Pattern.compile("(?:^|[-_ ])([A-Za-z0-9_]{4})(\\d*)$");
    private static final Pattern SIGNATURE_NAME = Pattern.compile("[A-Z0-9_]{4}\\d*");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    /** Read order: stem without its trailing number (case-insensitive), then the number, then the name. */
    static final Comparator<TableFileName> READ_ORDER = Comparator.comparing(
                    (TableFileName f) -> stemWithoutNumber(f.stem()).toLowerCase(Locale.ROOT))
            .thenComparingLong(f -> trailingNumber(f.stem()))
            .thenComparing(TableFileName::name);

    static TableFileName of(String name) {
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        Matcher m = SIGNATURE_AT_END.matcher(stem);
        if (!m.find()) {
            return new TableFileName(name, stem, Optional.empty(), -1);
        }
        String sig = m.group(1).toUpperCase(Locale.ROOT);
        int number = m.group(2).isEmpty() || m.group(2).length() > 6 ? -1 : Integer.parseInt(m.group(2));
        return new TableFileName(name, stem, Optional.of(sig), number);
    }

    /** The extension after the last dot, lower case; empty when there is none. */
    String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the name alone marks the file as a table: a table extension, an extension-less signature name
     * (sysfs), or a signature stem with an extension that is not a text one ({@code APIC.its_off}).
     */
    boolean namesTable() {
        String ext = extension();
        if (TABLE_EXTENSIONS.contains(ext)) {
            return true;
        }
        return SIGNATURE_NAME.matcher(stem).matches() && !TEXT_EXTENSIONS.contains(ext);
    }

    /** Whether the name is exactly a sysfs table name: an upper-case signature, maybe numbered, no extension. */
    boolean isSysfsName() {
        return name.equals(stem) && SIGNATURE_NAME.matcher(name).matches();
    }

    private static String stemWithoutNumber(String stem) {
        return TRAILING_NUMBER.matcher(stem).replaceFirst("");
    }

    private static long trailingNumber(String stem) {
        Matcher m = TRAILING_NUMBER.matcher(stem);
        if (!m.find() || m.group(1).length() > 18) {
            return -1;
        }
        return Long.parseLong(m.group(1));
    }
}
