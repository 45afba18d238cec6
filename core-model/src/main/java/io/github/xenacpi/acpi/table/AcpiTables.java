package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.FirmwareImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every table of one platform after decoding, in the order the OS loads them, with the regions they describe
 * and every diagnostic of reading, decoding and cross-checking them. Immutable.
 */
public final class AcpiTables {
    private final FirmwareImage image;
    private final List<LoadedTable> tables;
    private final List<Diagnostic> diagnostics;

    private AcpiTables(FirmwareImage image, List<LoadedTable> tables, List<Diagnostic> diagnostics) {
        this.image = image;
        this.tables = List.copyOf(tables);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Decodes every table of an image with the standard decoders. */
    public static AcpiTables load(FirmwareImage image) {
        List<LoadedTable> loaded = new ArrayList<>();
        for (var raw : image.tables()) {
            loaded.add(TableDecoders.standard().decode(raw));
        }
        return new AcpiTables(image, loaded, image.diagnostics());
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
        return bySignature(signature).stream().map(LoadedTable::table).filter(type::isInstance).map(type::cast)
                .findFirst();
    }

    /** Every region every table describes, in table order. */
    public List<DescribedRegion> regions() {
        return tables.stream().flatMap(t -> t.regions().stream()).toList();
    }

    /** Diagnostics of the input, of each table, and of the cross-checks, in that order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        tables.forEach(t -> all.addAll(t.diagnostics()));
        return all;
    }
}
