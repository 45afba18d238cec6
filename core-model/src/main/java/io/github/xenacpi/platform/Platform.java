package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
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
                .map(LoadedTable::raw)
                .toList();
        this.namespace = AmlLoader.load(definitionBlocks);
        this.survey =
                NamespaceSurvey.of(namespace, definitionBlocks, MemoryModel.of(descriptor.amlMemory()), Budget.DEFAULT);
        List<DescribedRegion> all = new ArrayList<>(RegionExtents.of(tables.regions(), tables));
        all.addAll(survey.regions());
        this.regions = List.copyOf(all);
        this.ram = deriveRam(regions, descriptor);
        this.completeness = Losses.of(tables, namespace, survey);
    }

    /** Reads the tables at a path and the xenacpi.json beside them. */
    public static Platform load(Path path) throws AcpiException, PlatformException {
        AcpiTables tables = AcpiTables.load(FirmwareSource.open(path));
        Path file = path.getFileName();
        return new Platform(
                file == null ? path.toString() : file.toString(), tables, PlatformDescriptorReader.besides(path));
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
        for (DescribedRegion r : regions) {
            if (r.wrapsPastTop()) {
                all.add(new Diagnostic(
                        r.table(),
                        r.instance(),
                        r.offset(),
                        Severity.ERROR,
                        String.format(
                                "%s: 0x%X bytes from 0x%X run past the top of the 64-bit address space (the last byte would"
                                        + " wrap to 0x%X); the model stops the region at 0xFFFFFFFFFFFFFFFF",
                                r.path(), r.length(), r.base(), r.lastByte())));
            }
        }
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
            regions.stream()
                    .filter(r -> r.kind() == RegionKind.SRAT_MEMORY && r.length() != 0 && !r.wrapsPastTop())
                    .forEach(r -> base.add(new MemoryRange(r.base(), r.length())));
        }
        if (base.isEmpty()) {
            base.add(DEFAULT_RAM);
        }
        List<MemoryRange> out = new ArrayList<>();
        for (MemoryRange m : base) {
            long start = (m.base() + PAGE_MASK) & ~PAGE_MASK;
            long end = m.end() & ~PAGE_MASK;
            if (Long.compareUnsigned(end, start) > 0 && Long.compareUnsigned(start, m.base()) >= 0) {
                out.add(new MemoryRange(start, end - start));
            }
        }
        List<long[]> holes = new ArrayList<>();
        for (DescribedRegion r : regions) {
            if (r.isDeviceMemory() && r.kind() != RegionKind.SRAT_MEMORY) {
                long last = r.wrapsPastTop() ? -1L : r.base() + r.length() - 1;
                holes.add(new long[] {r.base() & ~PAGE_MASK, last | PAGE_MASK});
            }
        }
        out = carve(out, merge(holes));
        out.sort(Comparator.comparingLong(MemoryRange::base));
        return List.copyOf(out);
    }

    /** Inclusive unsigned [first, last] byte ranges, sorted by first and merged where they touch or overlap. */
    private static List<long[]> merge(List<long[]> ranges) {
        ranges.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            long[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && (prev[1] == -1L || Long.compareUnsigned(r[0], prev[1] + 1) <= 0)) {
                if (Long.compareUnsigned(r[1], prev[1]) > 0) {
                    prev[1] = r[1];
                }
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    /**
     * Removes the pages of the holes (sorted, merged, inclusive, page-aligned; unsigned) from the ranges: RAM is
     * whole 4 KiB pages. Each range visits only the holes that overlap it.
     */
    private static List<MemoryRange> carve(List<MemoryRange> ranges, List<long[]> holes) {
        List<MemoryRange> out = new ArrayList<>();
        for (MemoryRange m : ranges) {
            long next = m.base();
            long mLast = m.base() + m.length() - 1;
            int lo = 0;
            int hi = holes.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(holes.get(mid)[1], m.base()) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            boolean done = false;
            for (int h = lo; h < holes.size() && !done; h++) {
                long[] hole = holes.get(h);
                if (Long.compareUnsigned(hole[0], mLast) > 0) {
                    break;
                }
                if (Long.compareUnsigned(hole[0], next) > 0) {
                    out.add(new MemoryRange(next, hole[0] - next));
                }
                if (Long.compareUnsigned(hole[1], mLast) >= 0) {
                    done = true;
                } else {
                    next = hole[1] + 1;
                }
            }
            if (!done) {
                out.add(new MemoryRange(next, mLast - next + 1));
            }
        }
        return out;
    }
}
