package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.TableSignature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names that tools give tables: acpixtract's lower-case signature with an instance number when a
 * signature occurs more than once ({@code ssdt1.dat}), and sysfs's upper-case signature numbered the same way
 * ({@code SSDT1}), where the root tables do not appear.
 */
final class TableFileNames {

    private static final Set<String> NOT_IN_SYSFS = Set.of(TableSignature.RSDP, "XSDT", "RSDT");

    private TableFileNames() {}

    static Map<RawTable, String> acpixtract(List<RawTable> tables) {
        Map<RawTable, String> names = new LinkedHashMap<>();
        for (RawTable t : tables) {
            names.put(t, numbered(t, tables).toLowerCase(Locale.ROOT) + ".dat");
        }
        return names;
    }

    static Map<RawTable, String> sysfs(List<RawTable> tables) {
        Map<RawTable, String> names = new LinkedHashMap<>();
        for (RawTable t : tables) {
            if (!NOT_IN_SYSFS.contains(t.signature())) {
                names.put(t, numbered(t, tables));
            }
        }
        return names;
    }

    private static String numbered(RawTable t, List<RawTable> all) {
        long same =
                all.stream().filter(o -> o.signature().equals(t.signature())).count();
        return same > 1 ? t.signature() + t.instance() : t.signature();
    }
}
