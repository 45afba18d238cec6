package io.github.xenacpi.conformance;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule of the catalogue over one platform, or over its tables alone. The {@link Profile#ACPI} rules always
 * run; the given profiles add theirs. The findings come in a fixed order: findings about missing tables first, then by
 * table in load order, byte offset, rule id and message.
 */
public final class ConformanceCheck {

    private ConformanceCheck() {}

    /**
     * The findings of every enabled rule over these tables alone: the rules over a platform's AML (load errors,
     * budget stops) need the platform ({@link #run(Platform, Profile...)}).
     */
    public static List<Finding> run(AcpiTables tables, Profile... profiles) {
        return run(tables, new CheckContext(tables, EnumSet.of(Profile.ACPI, profiles)));
    }

    /**
     * The findings of every enabled rule over a platform: its tables, and what loading and surveying its AML
     * found ({@link AmlRules}).
     */
    public static List<Finding> run(Platform platform, Profile... profiles) {
        return run(platform.tables(), new CheckContext(platform, EnumSet.of(Profile.ACPI, profiles)));
    }

    private static List<Finding> run(AcpiTables tables, CheckContext ctx) {
        for (RuleSet set : RuleCatalog.ruleSets()) {
            set.check(ctx);
        }
        Map<String, Integer> order = new HashMap<>();
        int i = 0;
        for (LoadedTable t : tables.all()) {
            order.putIfAbsent(t.signature() + "#" + t.instance(), i++);
        }
        List<Finding> out = new ArrayList<>(ctx.findings());
        out.sort(Comparator.<Finding>comparingInt(f ->
                        f.instance() == 0 ? -1 : order.getOrDefault(f.table() + "#" + f.instance(), Integer.MAX_VALUE))
                .thenComparing(Finding::table)
                .thenComparingLong(Finding::offset)
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        return List.copyOf(out);
    }
}
