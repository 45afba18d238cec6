package io.github.xenacpi.bench;

import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time and peak heap of the whole pipeline (decode, namespace, every strategy, the report model and its files) on
 * builder-made platforms that are big in one dimension each (issue 18 points 0 and 4): {@code devices N} platform
 * devices with a 4 KiB MMIO page each, {@code ram N} Dom0 RAM ranges in the descriptor (and 2,000 devices on them),
 * {@code window TiB} one platform device with a window of that many TiB, {@code opregion N} an OperationRegion of
 * 2^N bytes read at _INI. Run it in the JVM you want to measure (for example with {@code -Xmx64m}); it prints one
 * line per stage and the peak heap after GC.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.xenacpi.bench.ScaleRun devices 5000}.
 */
public final class ScaleRun {
    private static final long DEVICE_BASE = 0x1_0000_0000L;

    private ScaleRun() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "devices";
        long n = args.length > 1 ? Long.parseLong(args[1]) : 5000;
        long t0 = System.nanoTime();
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    if (what.equals("devices")) {
                        for (int i = 0; i < n; i++) {
                            byte[] crs = new ResourceTemplateBuilder()
                                    .memory32Fixed(true, DEVICE_BASE + 0x1000L * i, 0x1000)
                                    .build();
                            sb.device(
                                    deviceName(i), d -> d.hid("XACP0002").uid(0).crs(crs));
                        }
                    } else if (what.equals("ram")) {
                        // 2,000 devices whose MMIO page lies on a RAM range: Dom0's RAM is carved around each.
                        for (int i = 0; i < 2000; i++) {
                            long page = 0x8000_0000L + 0x2000L * (i * (n / 2000));
                            byte[] crs = new ResourceTemplateBuilder()
                                    .memory32Fixed(true, page, 0x1000)
                                    .build();
                            sb.device(
                                    deviceName(i), d -> d.hid("XACP0002").uid(0).crs(crs));
                        }
                    } else if (what.equals("opregion")) {
                        // An OperationRegion of 2^n bytes (n = 63: the top half of the address space) read at _INI.
                        sb.operationRegion(
                                        "HUGE",
                                        io.github.xenacpi.acpi.region.AddressSpace.SYSTEM_MEMORY,
                                        AmlTerm.integer(0x1000_0000L),
                                        AmlTerm.integer(1L << n))
                                .field(
                                        "HUGE",
                                        FieldAccessType.DWORD,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        u -> u.unit("FLAG", 32))
                                .name("COPY", AmlTerm.integer(0))
                                .method(
                                        "_INI",
                                        0,
                                        false,
                                        ini -> ini.store(AmlTerm.name("\\_SB.FLAG"), AmlTerm.name("\\_SB.COPY")));
                    } else if (what.equals("window")) {
                        long length = n << 40;
                        byte[] crs = new ResourceTemplateBuilder()
                                .qwordAddress(AddressSpec.memory()
                                        .range(0, 0x4000_0000_0000L, 0x4000_0000_0000L + length - 1, 0, length))
                                .build();
                        sb.device("BIG0", d -> d.hid("XACP0002").uid(0).crs(crs));
                    }
                }));
        List<MemoryRange> ram = new ArrayList<>();
        if (what.equals("ram")) {
            for (long i = 0; i < n; i++) {
                ram.add(new MemoryRange(0x8000_0000L + 0x2000L * i, 0x1000));
            }
        } else {
            ram.add(new MemoryRange(0x8000_0000L, 1L << 31));
        }
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt)
                .build()
                .image());
        PlatformDescriptor d = PlatformDescriptor.DEFAULT;
        stage("build+decode", t0);
        long t1 = System.nanoTime();
        Platform p = new Platform(
                what + "-" + n,
                tables,
                PlatformDescriptor.builder()
                        .ram(ram)
                        .ipaBits(48)
                        .xen(d.xen())
                        .linux(d.linux())
                        .smmu(d.smmu())
                        .earlycon(d.earlycon())
                        .dma(d.dma())
                        .amlMemory(d.amlMemory())
                        .build());
        p.regions();
        stage("namespace", t1);
        long t2 = System.nanoTime();
        List<SimulationResult> results = Simulation.runAll(SimulationInput.of(p), MappingStrategy.all());
        stage("simulate", t2);
        long t3 = System.nanoTime();
        ConformanceReport report = ConformanceReport.of(p, results, Instant.EPOCH);
        Path dir = Files.createTempDirectory("scale-run");
        ReportWriter.write(report, dir, List.of("report.json"));
        stage("report.json", t3);
        System.out.printf(
                Locale.ROOT,
                "%s %d: total %.1f s, report.json %d bytes, peak heap %d MiB%n",
                what,
                n,
                (System.nanoTime() - t0) / 1e9,
                Files.size(dir.resolve("report.json")),
                peakHeap() >> 20);
    }

    /** D000..DZZZ: 46,656 four-character names. */
    private static String deviceName(int i) {
        String b36 = Integer.toString(i, 36).toUpperCase(Locale.ROOT);
        return "D" + "000".substring(b36.length()) + b36;
    }

    private static void stage(String name, long start) {
        System.out.printf(Locale.ROOT, "  %-14s %8.2f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
