package io.github.xenacpi.conformance;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.AcpiTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a rule set sees while it checks one platform: the tables, the active profiles, and the findings so far. */
final class CheckContext {

    /** A decoded table together with the table record it decoded to. */
    record Decoded<T extends AcpiTable>(LoadedTable loaded, T table) {}

    private final AcpiTables tables;
    private final Platform platform;
    private final Set<Profile> active;
    private final List<Finding> findings = new ArrayList<>();

    CheckContext(AcpiTables tables, Set<Profile> active) {
        this(tables, null, active);
    }

    /** A context over a whole platform: its tables, and its AML namespace and survey for the AML rules. */
    CheckContext(Platform platform, Set<Profile> active) {
        this(platform.tables(), platform, active);
    }

    private CheckContext(AcpiTables tables, Platform platform, Set<Profile> active) {
        this.tables = tables;
        this.platform = platform;
        this.active = Set.copyOf(active);
    }

    AcpiTables tables() {
        return tables;
    }

    /** The platform, when the check runs over one (its namespace loaded and surveyed), not over tables alone. */
    Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /** Every instance of a signature that decoded to the given record type, in instance order. */
    <T extends AcpiTable> List<Decoded<T>> all(String signature, Class<T> type) {
        List<Decoded<T>> out = new ArrayList<>();
        for (LoadedTable t : tables.bySignature(signature)) {
            if (type.isInstance(t.table())) {
                out.add(new Decoded<>(t, type.cast(t.table())));
            }
        }
        return out;
    }

    /** The first instance of a signature decoded as the given type (the one the OS uses). */
    <T extends AcpiTable> Optional<T> first(String signature, Class<T> type) {
        return tables.first(signature, type);
    }

    /** Whether at least one table of the signature is present. */
    boolean has(String signature) {
        return !tables.bySignature(signature).isEmpty();
    }

    /**
     * The framed sub-structures of a table from {@code start}, walked exactly as its decoder walked them, so that
     * the n-th decoded structure sits at the n-th entry's offset.
     */
    List<Subtable> frames(LoadedTable t, SubtableFormat format, long start, String pathPrefix) {
        // The decoder's usable end: the length field when the bytes cover it and it is at least a header.
        long declared = t.header().length();
        int end = declared < TableHeader.SIZE
                ? t.raw().size()
                : (int) Math.min(t.raw().size(), declared);
        if (start < 0 || start >= end) {
            return List.of();
        }
        return new DecodeContext(t.raw(), t.header(), end).subtables(format, (int) start, end, pathPrefix);
    }

    /** Reports a finding at the rule's severity. */
    @FormatMethod
    void report(Rule rule, LoadedTable t, long offset, String path, @FormatString String format, Object... args) {
        report(rule, rule.severity(), t.signature(), t.instance(), offset, path, String.format(format, args));
    }

    /** Reports a finding about a table that is absent. */
    @FormatMethod
    void reportMissing(Rule rule, String signature, @FormatString String format, Object... args) {
        report(rule, rule.severity(), signature, 0, -1, "", String.format(format, args));
    }

    /** Reports a finding with every component given; dropped when no active profile enables the rule. */
    void report(Rule rule, Severity severity, String table, int instance, long offset, String path, String message) {
        if (rule.enabledBy(active)) {
            findings.add(new Finding(rule.id(), severity, table, instance, offset, message, path));
        }
    }

    /** The findings reported so far, in report order. */
    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
