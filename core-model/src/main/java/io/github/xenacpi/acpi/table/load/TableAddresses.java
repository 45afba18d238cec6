package io.github.xenacpi.acpi.table.load;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.LoadedTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The physical addresses an input gives its tables, kept only where they can be believed: an address claimed
 * by two or more tables (Windows acpidump.exe prints one garbage address for every table) is reported and
 * left out, and the tables keep loading without it.
 */
final class TableAddresses {
    private final Map<Long, LoadedTable> byAddress;
    private final IdentityHashMap<LoadedTable, Long> ofTable;

    private TableAddresses(Map<Long, LoadedTable> byAddress) {
        this.byAddress = byAddress;
        this.ofTable = new IdentityHashMap<>();
        byAddress.forEach((a, t) -> ofTable.put(t, a));
    }

    static TableAddresses index(List<LoadedTable> tables, List<Diagnostic> diagnostics) {
        Map<Long, List<LoadedTable>> groups = new LinkedHashMap<>();
        for (LoadedTable t : tables) {
            if (t.raw().origin().hasAddress()) {
                groups.computeIfAbsent(t.raw().origin().address(), a -> new ArrayList<>())
                        .add(t);
            }
        }
        Map<Long, LoadedTable> unique = new LinkedHashMap<>();
        groups.forEach((address, group) -> {
            if (group.size() == 1) {
                unique.put(address, group.get(0));
            } else {
                diagnostics.add(Diagnostic.ofSource(
                        Severity.WARNING,
                        String.format(
                                "%d tables claim the same"
                                        + " address 0x%X (%s): the input's addresses for them cannot be believed (Windows"
                                        + " acpidump.exe prints one garbage address for every table); they are ignored and"
                                        + " every table is kept",
                                group.size(),
                                address,
                                group.stream().map(t -> t.raw().label()).collect(Collectors.joining(", ")))));
            }
        });
        return new TableAddresses(unique);
    }

    /** The table at an address, if exactly one claims it. */
    Optional<LoadedTable> at(long address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** The believed address of a table. */
    Optional<Long> of(LoadedTable table) {
        return Optional.ofNullable(ofTable.get(table));
    }

    /** Whether any table besides the root pointer and root tables has a believed address. */
    boolean usable() {
        return byAddress.values().stream().anyMatch(t -> !LoadOrder.isRoot(t.signature()));
    }
}
