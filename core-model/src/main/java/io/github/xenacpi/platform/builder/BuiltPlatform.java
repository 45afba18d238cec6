package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform made by {@link PlatformBuilder}: its tables in layout order (RSDP, XSDT, then the added tables),
 * each with its synthetic physical address in {@link TableOrigin#address()}, and the same tables in every form
 * users have them: an in-memory image, acpidump text, an acpixtract folder and a sysfs copy. Immutable.
 */
public final class BuiltPlatform {

    /** Stands for the file of every table made in memory. */
    public static final Path ORIGIN = Path.of("builder");

    private final List<RawTable> tables;

    private BuiltPlatform(List<RawTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** Every table in layout order, instances numbered in that order. */
    public List<RawTable> tables() {
        return tables;
    }

    /** The tables as an input image of format {@link SourceFormat#BUILDER}, with their addresses. */
    public FirmwareImage image() {
        return new FirmwareImage(ORIGIN, SourceFormat.BUILDER, tables, List.of());
    }

    /** The tables as ACPICA's acpidump prints them, with their physical addresses. */
    public String acpidumpText() {
        return AcpidumpTextWriter.write(tables);
    }

    /**
     * Writes every table as acpixtract names it ({@code dsdt.dat}, {@code ssdt1.dat}, {@code ssdt2.dat}) into
     * the folder, created if needed.
     *
     * @return the files written, in table order
     */
    public List<Path> writeTableDirectory(Path dir) throws IOException {
        return write(dir, TableFileNames.acpixtract(tables));
    }

    /**
     * Writes the tables as Linux's /sys/firmware/acpi/tables shows them ({@code DSDT}, {@code SSDT1},
     * {@code SSDT2}; no RSDP, XSDT or RSDT) into the folder, created if needed.
     *
     * @return the files written, in table order
     */
    public List<Path> writeSysfsDirectory(Path dir) throws IOException {
        return write(dir, TableFileNames.sysfs(tables));
    }

    private static List<Path> write(Path dir, Map<RawTable, String> names) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (var e : names.entrySet()) {
            written.add(Files.write(dir.resolve(e.getValue()), e.getKey().bytes()));
        }
        return written;
    }

    /** Collects tables in layout order and numbers the instances of each signature. */
    static final class Placement {
        private final List<RawTable> tables = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();

        void add(String signature, byte[] bytes, long address) {
            int instance = counts.merge(signature, 1, Integer::sum);
            tables.add(new RawTable(
                    signature, instance, bytes, new TableOrigin(ORIGIN, SourceFormat.BUILDER, 0, 0, address)));
        }

        BuiltPlatform build() {
            return new BuiltPlatform(tables);
        }
    }
}
