package io.github.xenacpi.acpi.table.load;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.FadtPointer;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.RootTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the XSDT (or RSDT) the way ACPICA's {@code AcpiTbParseRootTable} does: each entry in order, and after
 * the FADT the DSDT and FACS it points at. With believed addresses each entry is matched to the table at that
 * address; entries that match nothing and tables no entry reaches are reported. Without addresses (acpixtract
 * output) only the counts can be compared, and the report says so.
 */
final class RootTableWalk {
    private final LoadedTable root;
    private final RootTable rootTable;
    private final int width;
    private final List<Diagnostic> diagnostics;
    private final Map<LoadedTable, TableReference> references;

    RootTableWalk(
            LoadedTable root,
            RootTable rootTable,
            List<Diagnostic> diagnostics,
            Map<LoadedTable, TableReference> references) {
        this.root = root;
        this.rootTable = rootTable;
        this.width = root.signature().equals("XSDT") ? 8 : 4;
        this.diagnostics = diagnostics;
        this.references = references;
    }

    /** The tables the root table reaches, in load order; every table not reached is reported. */
    List<LoadedTable> byAddress(List<LoadedTable> tables, TableAddresses addresses) {
        Set<LoadedTable> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<LoadedTable> order = new ArrayList<>();
        List<Long> entries = rootTable.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) != 0) {
                entry(i, entries.get(i), addresses, placed, order);
            }
        }
        for (LoadedTable t : LoadOrder.fallback(tables)) {
            if (!placed.contains(t)) {
                reportUnreached(t, addresses);
                order.add(t);
            }
        }
        return order;
    }

    private void entry(
            int index, long address, TableAddresses addresses, Set<LoadedTable> placed, List<LoadedTable> order) {
        long offset = TableHeader.SIZE + (long) index * width;
        String path = root.signature() + ".entry[" + index + "]";
        Optional<LoadedTable> found = addresses.at(address);
        if (found.isEmpty()) {
            report(
                    root,
                    offset,
                    Severity.ERROR,
                    "%s = 0x%X: no table of the input lies at that address;"
                            + " the table it lists is missing from the input",
                    path,
                    address);
            return;
        }
        LoadedTable t = found.get();
        if (LoadOrder.isRoot(t.signature())) {
            report(
                    root,
                    offset,
                    Severity.ERROR,
                    "%s = 0x%X points at the %s, which a root table never lists",
                    path,
                    address,
                    t.signature());
            return;
        }
        if (!LoadOrder.listedInRoot(t.signature())) {
            report(
                    root,
                    offset,
                    Severity.WARNING,
                    "%s = 0x%X lists the %s, which only the FADT should point at",
                    path,
                    address,
                    t.signature());
        } else if (placed.contains(t)) {
            report(
                    root,
                    offset,
                    Severity.WARNING,
                    "%s = 0x%X lists %s a second time; it is installed once",
                    path,
                    address,
                    t.raw().label());
        }
        if (!placed.contains(t)) {
            place(t, TableReference.of(root, offset, path), placed, order);
            if (t.signature().equals("FACP")) {
                followFadt(t, addresses, placed, order);
            }
        }
    }

    /** Compares the number of entries with the number of tables the root table should list. */
    void byCount(List<LoadedTable> tables) {
        long entries = rootTable.entries().stream().filter(a -> a != 0).count();
        long listable = tables.stream()
                .filter(t -> LoadOrder.listedInRoot(t.signature()))
                .count();
        report(
                root,
                -1,
                Severity.INFO,
                "the input gives no table addresses, so the %d %s entries are matched"
                        + " to the %d tables a root table lists (all but DSDT and FACS) by count only",
                entries,
                root.signature(),
                listable);
        if (entries != listable) {
            report(
                    root,
                    -1,
                    Severity.WARNING,
                    "%s lists %d tables but the input holds %d tables it should list:" + " %s",
                    root.signature(),
                    entries,
                    listable,
                    entries > listable
                            ? (entries - listable) + " listed tables are missing from the input"
                            : (listable - entries) + " tables of the input are not listed and would not be loaded");
        }
    }

    private void followFadt(
            LoadedTable fadt, TableAddresses addresses, Set<LoadedTable> placed, List<LoadedTable> order) {
        for (FadtPointer pointer : FadtPointer.values()) {
            Optional<FadtPointer.Value> value = pointer.read(fadt.raw());
            if (value.isEmpty()) {
                continue;
            }
            FadtPointer.Value v = value.get();
            String path = "FACP." + v.field();
            Optional<LoadedTable> target = addresses.at(v.address());
            if (target.isEmpty()) {
                report(
                        fadt,
                        v.offset(),
                        Severity.ERROR,
                        "%s = 0x%X: no table of the input lies at that address;" + " the %s is missing from the input",
                        path,
                        v.address(),
                        pointer.name());
            } else if (!target.get().signature().equals(pointer.name())) {
                report(
                        fadt,
                        v.offset(),
                        Severity.ERROR,
                        "%s = 0x%X points at %s, not at a %s",
                        path,
                        v.address(),
                        target.get().raw().label(),
                        pointer.name());
            } else if (!placed.contains(target.get())) {
                place(target.get(), TableReference.of(fadt, v.offset(), path), placed, order);
            }
        }
    }

    private void reportUnreached(LoadedTable t, TableAddresses addresses) {
        if (LoadOrder.isRoot(t.signature())) {
            return;
        }
        Optional<Long> address = addresses.of(t);
        if (address.isEmpty()) {
            report(
                    t,
                    -1,
                    Severity.INFO,
                    "%s has no address in the input, so no %s entry can be matched with it",
                    t.raw().label(),
                    root.signature());
        } else {
            report(
                    t,
                    -1,
                    Severity.WARNING,
                    "%s at 0x%X is not reached from the %s%s; the OS would not load it",
                    t.raw().label(),
                    address.get(),
                    root.signature(),
                    LoadOrder.listedInRoot(t.signature()) ? "" : " through the FACP");
        }
    }

    private void place(LoadedTable t, TableReference ref, Set<LoadedTable> placed, List<LoadedTable> order) {
        placed.add(t);
        order.add(t);
        references.put(t, ref);
    }

    @FormatMethod
    private void report(LoadedTable t, long offset, Severity severity, @FormatString String format, Object... args) {
        diagnostics.add(new Diagnostic(t.signature(), t.instance(), offset, severity, String.format(format, args)));
    }
}
