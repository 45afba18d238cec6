package io.github.xenacpi.acpi.table.load;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.AcpiTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every table of one platform after decoding, in the order the OS loads them, with the regions they describe
 * and every diagnostic of reading, decoding and cross-checking them. Immutable.
 *
 * <p>Load order: the RSDP and root tables first; then, with an XSDT (else an RSDT), its entries in order with
 * the DSDT and FACS right after the FADT that points at them, matched by address when the input gives
 * addresses (tables no entry reaches come last, reported); without a root table, or without addresses, FACP,
 * DSDT, FACS, then the others by signature and instance, an approximation of ACPICA's root table order. Each
 * table whose address is known also adds an {@link io.github.xenacpi.acpi.region.RegionKind#ACPI_TABLE}
 * region, attributed to the field that points at it ({@code XSDT.entry[3]}, {@code FACP.X_DSDT}).
 */
public final class AcpiTables {
    private final FirmwareImage image;
    private final List<LoadedTable> tables;
    private final List<Diagnostic> diagnostics;
    private final List<Diagnostic> crossChecks;
    private final List<DescribedRegion> tableRegions;

    private AcpiTables(
            FirmwareImage image,
            List<LoadedTable> tables,
            List<Diagnostic> diagnostics,
            List<Diagnostic> crossChecks,
            List<DescribedRegion> tableRegions) {
        this.image = image;
        this.tables = List.copyOf(tables);
        this.diagnostics = List.copyOf(diagnostics);
        this.crossChecks = List.copyOf(crossChecks);
        this.tableRegions = List.copyOf(tableRegions);
    }

    /** Decodes every table of an image with the standard decoders and puts them in load order. */
    public static AcpiTables load(FirmwareImage image) {
        List<LoadedTable> loaded = new ArrayList<>();
        for (var raw : image.tables()) {
            loaded.add(TableDecoders.standard().decode(raw));
        }
        LoadOrder.Plan plan = LoadOrder.plan(loaded);
        return new AcpiTables(image, plan.tables(), image.diagnostics(), plan.diagnostics(), plan.regions());
    }

    /** The input these tables came from. */
    public FirmwareImage image() {
        return image;
    }

    /** Every table in load order. */
    public List<LoadedTable> all() {
        return tables;
    }

    /** Every table of a signature, in instance order. */
    public List<LoadedTable> bySignature(String signature) {
        return tables.stream().filter(t -> t.signature().equals(signature)).toList();
    }

    /** The first table of a signature decoded as the given record type. */
    public <T extends AcpiTable> Optional<T> first(String signature, Class<T> type) {
        return bySignature(signature).stream()
                .map(LoadedTable::table)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    /** Every region every table describes, in table order, then the memory the tables themselves occupy. */
    public List<DescribedRegion> regions() {
        List<DescribedRegion> all = new ArrayList<>();
        tables.forEach(t -> all.addAll(t.regions()));
        all.addAll(tableRegions);
        return all;
    }

    /** Diagnostics of the input, of each table, and of the cross-checks, in that order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        tables.forEach(t -> all.addAll(t.diagnostics()));
        all.addAll(crossChecks);
        return all;
    }
}
