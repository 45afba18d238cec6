package io.github.xenacpi.acpi.table.load;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.RootTable;
import io.github.xenacpi.acpi.table.RsdpTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts decoded tables in the order Linux loads them and cross-checks the root tables against the input. The
 * RSDP and root tables come first. With an XSDT (else an RSDT) the order is its entries', the DSDT and FACS
 * right after the FADT that points at them ({@link RootTableWalk}). Without a root table the order approximates
 * ACPICA's root table list: FACP, DSDT, FACS, then every other table by signature and instance. Each table
 * with a believed address gets an {@link RegionKind#ACPI_TABLE} region. Instances are never renumbered.
 */
final class LoadOrder {

    /** Signatures that come first in the fallback order, in this order. */
    private static final List<String> FIRST = List.of("FACP", "DSDT", "FACS");

    private static final Set<String> ROOT = Set.of("RSDP", "XSDT", "RSDT");

    /** The tables in load order, the cross-check diagnostics, and the regions of the tables themselves. */
    record Plan(List<LoadedTable> tables, List<Diagnostic> diagnostics, List<DescribedRegion> regions) {}

    private LoadOrder() {}

    static Plan plan(List<LoadedTable> decoded) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        TableAddresses addresses = TableAddresses.index(decoded, diagnostics);
        IdentityHashMap<LoadedTable, TableReference> references = new IdentityHashMap<>();
        List<LoadedTable> head = new ArrayList<>();
        for (String sig : List.of("RSDP", "XSDT", "RSDT")) {
            decoded.stream().filter(t -> t.signature().equals(sig)).forEach(head::add);
        }
        List<LoadedTable> rest =
                decoded.stream().filter(t -> !isRoot(t.signature())).toList();
        Optional<LoadedTable> root = rootTable(decoded, diagnostics);
        List<LoadedTable> body;
        if (root.isEmpty()) {
            body = withoutRoot(decoded, rest, diagnostics);
        } else {
            RootTableWalk walk =
                    new RootTableWalk(root.get(), (RootTable) root.get().table(), diagnostics, references);
            checkRootPointer(decoded, root.get(), addresses, references, diagnostics);
            if (addresses.usable()) {
                body = walk.byAddress(rest, addresses);
            } else {
                walk.byCount(rest);
                body = fallback(rest);
            }
        }
        List<LoadedTable> order = new ArrayList<>(head);
        order.addAll(body);
        reportReordering(order, diagnostics);
        return new Plan(order, diagnostics, regions(order, addresses, references));
    }

    /** The fallback order: FACP, DSDT, FACS, then the rest by signature; instances in order within each. */
    static List<LoadedTable> fallback(List<LoadedTable> tables) {
        return tables.stream()
                .sorted(Comparator.comparingInt((LoadedTable t) ->
                                FIRST.contains(t.signature()) ? FIRST.indexOf(t.signature()) : FIRST.size())
                        .thenComparing(LoadedTable::signature)
                        .thenComparingInt(LoadedTable::instance))
                .toList();
    }

    static boolean isRoot(String signature) {
        return ROOT.contains(signature);
    }

    /** Whether a root table lists tables of this signature: all but the DSDT, the FACS and the root tables. */
    static boolean listedInRoot(String signature) {
        return !isRoot(signature) && !signature.equals("DSDT") && !signature.equals("FACS");
    }

    /** The XSDT, else the RSDT, that is walked; further root tables are reported and not walked. */
    private static Optional<LoadedTable> rootTable(List<LoadedTable> decoded, List<Diagnostic> diagnostics) {
        List<LoadedTable> roots = decoded.stream()
                .filter(l -> l.table() instanceof RootTable)
                .sorted(Comparator.comparing((LoadedTable l) -> !l.signature().equals("XSDT"))
                        .thenComparingInt(LoadedTable::instance))
                .toList();
        for (LoadedTable other : roots.subList(Math.min(1, roots.size()), roots.size())) {
            diagnostics.add(new Diagnostic(
                    other.signature(),
                    other.instance(),
                    -1,
                    Severity.INFO,
                    String.format(
                            "%s is not walked: the load order follows %s, as ACPICA prefers the XSDT",
                            other.raw().label(), roots.get(0).raw().label())));
        }
        return roots.stream().findFirst();
    }

    private static List<LoadedTable> withoutRoot(
            List<LoadedTable> decoded, List<LoadedTable> rest, List<Diagnostic> diagnostics) {
        if (decoded.stream().anyMatch(t -> t.signature().equals("RSDP"))) {
            diagnostics.add(new Diagnostic(
                    "RSDP",
                    1,
                    -1,
                    Severity.WARNING,
                    "the input has an RSDP but no XSDT or RSDT; the tables cannot be checked against a root table"));
        }
        diagnostics.add(Diagnostic.ofSource(
                Severity.INFO,
                "no XSDT or RSDT in the input (as in a sysfs copy):"
                        + " tables are ordered FACP, DSDT, FACS, then by signature and instance, an approximation of"
                        + " ACPICA's root table order"));
        return fallback(rest);
    }

    /** The RSDP's XSDT (or RSDT) address against the root table's own address, when both are known. */
    private static void checkRootPointer(
            List<LoadedTable> decoded,
            LoadedTable root,
            TableAddresses addresses,
            Map<LoadedTable, TableReference> references,
            List<Diagnostic> diagnostics) {
        Optional<LoadedTable> rsdp =
                decoded.stream().filter(t -> t.table() instanceof RsdpTable).findFirst();
        if (rsdp.isEmpty()) {
            return;
        }
        RsdpTable r = (RsdpTable) rsdp.get().table();
        boolean xsdt = root.signature().equals("XSDT");
        long pointer = xsdt ? r.xsdtAddress() : r.rsdtAddress();
        int offset = xsdt ? 24 : 16;
        String path = xsdt ? "RSDP.xsdtAddress" : "RSDP.rsdtAddress";
        Optional<Long> actual = addresses.of(root);
        if (pointer != 0 && actual.isPresent() && actual.get() != pointer) {
            diagnostics.add(new Diagnostic(
                    "RSDP",
                    rsdp.get().instance(),
                    offset,
                    Severity.ERROR,
                    String.format(
                            "%s = 0x%X but the input's %s is at 0x%X", path, pointer, root.signature(), actual.get())));
        } else if (pointer != 0) {
            references.put(root, TableReference.of(rsdp.get(), offset, path));
        }
    }

    /** Says where tables of one signature load in another order than their instance numbers. */
    private static void reportReordering(List<LoadedTable> order, List<Diagnostic> diagnostics) {
        Map<String, LoadedTable> last = new HashMap<>();
        for (LoadedTable t : order) {
            LoadedTable before = last.put(t.signature(), t);
            if (before != null && before.instance() > t.instance()) {
                diagnostics.add(new Diagnostic(
                        t.signature(),
                        t.instance(),
                        -1,
                        Severity.INFO,
                        String.format(
                                "%s loads after %s: the load order differs from the input order; instances keep the input"
                                        + " numbering",
                                t.raw().label(), before.raw().label())));
            }
        }
    }

    private static List<DescribedRegion> regions(
            List<LoadedTable> order, TableAddresses addresses, Map<LoadedTable, TableReference> references) {
        List<DescribedRegion> regions = new ArrayList<>();
        for (LoadedTable t : order) {
            Optional<Long> address = addresses.of(t);
            // The FADT's decoder already describes the FACS, as a FACS region at the same field.
            if (address.isEmpty() || t.signature().equals("FACS")) {
                continue;
            }
            long length =
                    t.header().length() > 0 ? t.header().length() : t.raw().size();
            TableReference ref = references.getOrDefault(
                    t,
                    new TableReference(t.signature(), t.instance(), -1, t.raw().label()));
            regions.add(new DescribedRegion(
                    RegionKind.ACPI_TABLE,
                    AddressSpace.SYSTEM_MEMORY,
                    address.get(),
                    length,
                    ref.table(),
                    ref.instance(),
                    ref.offset(),
                    ref.path()));
        }
        return regions;
    }
}
