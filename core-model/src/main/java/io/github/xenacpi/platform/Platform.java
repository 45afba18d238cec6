package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.aml.AmlLoader;
import io.github.xenacpi.aml.Budget;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.MemoryModel;
import io.github.xenacpi.aml.NamespaceSurvey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One machine as the model sees it: its decoded tables, its AML namespace as Linux would load and walk it at boot
 * (devices, their resources, OperationRegions and the accesses AML makes), and what its descriptor adds (Dom0
 * RAM, versions, SMMU mode, DMA scenarios). Dom0's RAM comes from the descriptor, else from SRAT memory affinity,
 * else from
 * {@link #DEFAULT_RAM}, with every other described range (device memory, firmware regions, the tables
 * themselves) carved out in whole pages. Immutable.
 */
public final class Platform {
    /**
     * Arm's memory map guidance (DEN 0001, Principles of ARM Memory Maps) puts the first 2 GiB of DRAM at
     * 0x8000_0000; used when neither the descriptor nor SRAT says where RAM is.
     */
    public static final MemoryRange DEFAULT_RAM = new MemoryRange(0x8000_0000L, 0x8000_0000L);

    private static final long PAGE_MASK = 0xFFF;

    private final String name;
    private final AcpiTables tables;
    private final PlatformDescriptor descriptor;
    private final LoadedNamespace namespace;
    private final NamespaceSurvey survey;
    private final List<DescribedRegion> regions;
    private final List<MemoryRange> ram;
    private final Completeness completeness;

    /** Loads the DSDT and SSDTs into a namespace and surveys it with the descriptor's AML memory values. */
    public Platform(String name, AcpiTables tables, PlatformDescriptor descriptor) {
        this.name = Objects.requireNonNull(name, "name");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        List<RawTable> definitionBlocks = tables.all().stream()
                .filter(t -> t.signature().equals("DSDT") || t.signature().equals("SSDT"))
                .map(LoadedTable::raw).toList();
        this.namespace = AmlLoader.load(definitionBlocks);
        this.survey = NamespaceSurvey.of(namespace, definitionBlocks, MemoryModel.of(descriptor.amlMemory()),
                Budget.DEFAULT);
        List<DescribedRegion> all = new ArrayList<>(tables.regions());
        all.addAll(survey.regions());
        this.regions = List.copyOf(all);
        this.ram = deriveRam(regions, descriptor);
        this.completeness = Losses.of(tables, namespace, survey);
    }

    /** Reads the tables at a path and the xenacpi.json beside them. */
    public static Platform load(Path path) throws AcpiException, PlatformException {
        AcpiTables tables = AcpiTables.load(FirmwareSource.open(path));
        Path file = path.getFileName();
        return new Platform(file == null ? path.toString() : file.toString(), tables,
                PlatformDescriptorReader.besides(path));
    }

    /** The platform's name: its folder or file name. */
    public String name() {
        return name;
    }

    public AcpiTables tables() {
        return tables;
    }

    public PlatformDescriptor descriptor() {
        return descriptor;
    }

    /** The namespace the DSDT and SSDTs load into, with the loader's findings. */
    public LoadedNamespace namespace() {
        return namespace;
    }

    /** What evaluating the namespace as Linux does at boot yields. */
    public NamespaceSurvey survey() {
        return survey;
    }

    /** Every described region of the platform: the tables', then the OperationRegions and device resources. */
    public List<DescribedRegion> regions() {
        return regions;
    }

    /** Every diagnostic: reading and decoding the tables, loading the namespace, evaluating it. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(tables.diagnostics());
        all.addAll(namespace.diagnostics());
        all.addAll(survey.diagnostics());
        return all;
    }

    /**
     * What the model could not see of this platform: each loss of content the simulation needs (a table cut short,
     * a structure its decoder could not read, AML that did not load, an evaluation a budget stopped, a DSDT or MADT
     * missing or empty) by table, offset and reason; complete when nothing was lost. Problems that lose nothing (a
     * wrong checksum, reserved bits, warnings) are findings, not losses. See {@link Losses}.
     */
    public Completeness completeness() {
        return completeness;
    }

    /** Dom0's RAM ranges, sorted, with described device memory carved out. */
    public List<MemoryRange> ram() {
        return ram;
    }

    private static List<MemoryRange> deriveRam(List<DescribedRegion> regions, PlatformDescriptor descriptor) {
        List<MemoryRange> base = new ArrayList<>(descriptor.ram());
        if (base.isEmpty()) {
            regions.stream().filter(r -> r.kind() == RegionKind.SRAT_MEMORY && r.length() > 0)
                    .forEach(r -> base.add(new MemoryRange(r.base(), r.length())));
        }
        if (base.isEmpty()) {
            base.add(DEFAULT_RAM);
        }
        List<MemoryRange> out = new ArrayList<>();
        for (MemoryRange m : base) {
            long start = (m.base() + PAGE_MASK) & ~PAGE_MASK;
            long end = m.end() & ~PAGE_MASK;
            if (end > start) {
                out.add(new MemoryRange(start, end - start));
            }
        }
        for (DescribedRegion r : regions) {
            if (r.isDeviceMemory() && r.kind() != RegionKind.SRAT_MEMORY) {
                out = carve(out, r.base(), r.base() + r.length());
            }
        }
        out.sort(Comparator.comparingLong(MemoryRange::base));
        return List.copyOf(out);
    }

    /** Removes the pages of {@code [from, to)} from the ranges: RAM is whole 4 KiB pages. */
    private static List<MemoryRange> carve(List<MemoryRange> ranges, long fromByte, long toByte) {
        long from = fromByte & ~PAGE_MASK;
        long to = (toByte + PAGE_MASK) & ~PAGE_MASK;
        List<MemoryRange> out = new ArrayList<>();
        for (MemoryRange m : ranges) {
            if (to <= m.base() || from >= m.end()) {
                out.add(m);
                continue;
            }
            if (from > m.base()) {
                out.add(new MemoryRange(m.base(), from - m.base()));
            }
            if (to < m.end()) {
                out.add(new MemoryRange(to, m.end() - to));
            }
        }
        return out;
    }
}
