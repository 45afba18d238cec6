package io.github.xenacpi.report;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report keeps of a platform for the formats that lay out more than its JSON (the HTML's tables, devices and
 * memory map; SARIF's locations): its descriptor, where its tables came from and their headers, its regions, its
 * devices and Dom0's RAM. It holds no table bytes and no AML namespace, so a report of many platforms grows by
 * these alone (a corpus laptop's tables and namespace are most of what validating it holds).
 *
 * @param source the file or folder the tables were read from, or the builder's origin
 * @param devices the devices of the namespace survey, in its order
 */
public record ReportedPlatform(
        String name,
        PlatformDescriptor descriptor,
        Path source,
        List<Table> tables,
        List<DescribedRegion> regions,
        List<Device> devices,
        List<MemoryRange> ram) {

    public ReportedPlatform {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
        tables = List.copyOf(tables);
        regions = List.copyOf(regions);
        devices = List.copyOf(devices);
        ram = List.copyOf(ram);
    }

    /**
     * One table in load order: its signature and instance, where its bytes lay in the input, its header, whether its
     * checksum holds, and how many bytes the input held of it (which may differ from the header's length).
     */
    public record Table(
            String signature, int instance, TableOrigin origin, TableHeader header, boolean checksumValid, int size) {

        static Table of(LoadedTable t) {
            return new Table(
                    t.signature(),
                    t.instance(),
                    t.raw().origin(),
                    t.header(),
                    t.checksumValid(),
                    t.raw().size());
        }
    }

    /** A device of the namespace: its path, its _HID (empty when it has none), and whether Linux enumerates it. */
    public record Device(String path, String hid, boolean enumerated) {}

    /** What a report keeps of {@code p}. */
    public static ReportedPlatform of(Platform p) {
        return new ReportedPlatform(
                p.name(),
                p.descriptor(),
                p.tables().image().path(),
                p.tables().all().stream().map(Table::of).toList(),
                p.regions(),
                p.survey().devices().stream()
                        .map(d -> new Device(d.path(), d.hid() == null ? "" : d.hid(), d.enumerated()))
                        .toList(),
                p.ram());
    }

    /** The table of this signature and instance, if the platform has it. */
    public Optional<Table> table(String signature, int instance) {
        return tables.stream()
                .filter(t -> t.signature().equals(signature) && t.instance() == instance)
                .findFirst();
    }
}
