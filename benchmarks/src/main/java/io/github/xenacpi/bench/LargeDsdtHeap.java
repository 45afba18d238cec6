package io.github.xenacpi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of the pipeline on a 4 MiB DSDT made by the AML builder: devices with _HID, _UID, _CID, _STA, _CRS, _INI,
 * _DSD, _DSM, _PRW and power methods, each with a SystemMemory OperationRegion and its fields, a routing package, a
 * 2 KiB configuration buffer and methods with While loops. The tables are decoded, the namespace loaded and
 * surveyed and every strategy simulated (with {@code --with-report}, the report model built too) in a JVM whose heap
 * is limited to 64 MiB; it prints the size of the DSDT, the time of each stage and the peak use of each heap pool.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.xenacpi.bench.LargeDsdtHeap [MiB]
 * [--with-report]}: the command starts itself again with {@code -Xmx64m} when the JVM it runs in allows more (the
 * system property {@code xenacpi.noFork=true} runs it in the JVM as started, to try other limits), and exits non-zero
 * when the pipeline does not fit.
 */
public final class LargeDsdtHeap {

    /** The heap limit the pipeline must fit in. */
    static final long HEAP_LIMIT = 64L << 20;

    /** The device memory the DSDT's devices are placed in, one 4 KiB page each, plus a region page. */
    private static final long DEVICE_BASE = 0x1_0000_0000L;

    private LargeDsdtHeap() {}

    /** Builds the DSDT, runs the pipeline and reports the peak heap; argument: the DSDT size in MiB (default 4). */
    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean withReport = options.contains("--with-report");
        int mib = options.isEmpty() || options.get(0).startsWith("--") ? 4 : Integer.parseInt(options.get(0));
        if (Runtime.getRuntime().maxMemory() > HEAP_LIMIT && !Boolean.getBoolean("xenacpi.noFork")) {
            System.exit(fork(args));
        }
        long[] peakAfterGc = new long[1];
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (n, handback) -> {
                                if (n.getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    long used = 0;
                                    for (Map.Entry<String, MemoryUsage> u : GarbageCollectionNotificationInfo.from(
                                                    (CompositeData) n.getUserData())
                                            .getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .entrySet()) {
                                        if (heapPools.contains(u.getKey())) {
                                            used += u.getValue().getUsed();
                                        }
                                    }
                                    synchronized (peakAfterGc) {
                                        peakAfterGc[0] = Math.max(peakAfterGc[0], used);
                                    }
                                }
                            },
                            null,
                            null);
        }
        long t0 = System.nanoTime();
        byte[] dsdt = dsdt(mib << 20);
        FirmwareImage image = PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(true))
                .addRaw(dsdt)
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0)
                        .add(new MadtTable.Gicr(0x080A_0000L, 0x40000)))
                .add(new GtdtBuilder()
                        .timers(
                                new GtdtTable.Timer(29, 0),
                                new GtdtTable.Timer(30, 0),
                                new GtdtTable.Timer(27, 0),
                                new GtdtTable.Timer(26, 0),
                                new GtdtTable.Timer(0, 0)))
                .build()
                .image();
        long t1 = System.nanoTime();
        AcpiTables tables = AcpiTables.load(image);
        long t2 = System.nanoTime();
        long decoded = retained();
        long t2b = System.nanoTime();
        Platform platform = new Platform("large-dsdt", tables, PlatformDescriptor.DEFAULT);
        long t3 = System.nanoTime();
        long surveyed = retained();
        long t3b = System.nanoTime();
        SimulationInput input = SimulationInput.of(platform);
        List<SimulationResult> results = Simulation.runAll(input, MappingStrategy.all());
        long t4 = System.nanoTime();
        long simulated = retained();
        long t4b = System.nanoTime();
        ConformanceReport report = withReport ? ConformanceReport.of(platform, results, Instant.EPOCH) : null;
        long t5 = System.nanoTime();

        System.out.printf(
                Locale.ROOT,
                "DSDT: %,d bytes of AML, %d devices in the namespace, %d enumerated, "
                        + "%d OperationRegions, %d boot accesses; %d boot events simulated under %d strategies%s%n",
                dsdt.length,
                platform.survey().devices().size(),
                platform.survey().enumeratedDevices().size(),
                platform.survey().operationRegions().size(),
                platform.survey().bootAccesses().size(),
                results.get(0).outcomes().size(),
                results.size(),
                report == null
                        ? ""
                        : "; report model: "
                                + report.platforms().get(0).findings().size() + " findings");
        stage("build the tables (builder)", t1 - t0, -1);
        stage("decode", t2 - t1, dsdt.length);
        stage("AML load + survey", t3 - t2b, dsdt.length);
        stage("simulation, every strategy", t4 - t3b, dsdt.length);
        if (report != null) {
            stage("report model", t5 - t4b, dsdt.length);
        }
        System.out.printf(
                Locale.ROOT,
                "  heap in use after a full collection: %.1f MiB decoded, %.1f MiB with the "
                        + "namespace and survey, %.1f MiB with the simulations%s%n",
                decoded / 1048576.0,
                surveyed / 1048576.0,
                simulated / 1048576.0,
                report == null
                        ? ""
                        : String.format(Locale.ROOT, ", %.1f MiB with the report model", retained() / 1048576.0));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                System.out.printf(
                        Locale.ROOT,
                        "  peak %-24s %6.1f MiB%n",
                        pool.getName(),
                        pool.getPeakUsage().getUsed() / 1048576.0);
            }
        }
        long retained;
        synchronized (peakAfterGc) {
            retained = peakAfterGc[0];
        }
        System.out.printf(
                Locale.ROOT,
                "heap limit %.1f MiB: the pipeline ran within it; peak heap after a "
                        + "collection (what the pipeline holds at its largest): %.1f MiB%n",
                Runtime.getRuntime().maxMemory() / 1048576.0,
                retained / 1048576.0);
    }

    /** The heap in use after a full collection: what the pipeline holds at this point. */
    private static long retained() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void stage(String what, long nanos, long bytes) {
        System.out.printf(
                Locale.ROOT,
                "  %-28s %8.3f s%s%n",
                what,
                nanos / 1e9,
                bytes < 0 ? "" : String.format(Locale.ROOT, "  %8.2f MB/s of DSDT", bytes / 1e6 / (nanos / 1e9)));
    }

    /** Runs this command again in a JVM limited to 64 MiB of heap; its exit status. */
    private static int fork(String[] args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeDsdtHeap.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** A _DSM UUID's 16 bytes. */
    private static final byte[] UUID = {
        (byte) 0xA6,
        0x75,
        0x3B,
        (byte) 0xDA,
        0x3D,
        (byte) 0x8A,
        0x4F,
        0x45,
        (byte) 0x8C,
        0x5E,
        0x21,
        0x40,
        0x2D,
        0x1E,
        0x07,
        0x2A
    };

    /** An interrupt routing table in the shape of _PRT: four pins of eight slots. */
    private static AmlTerm routing(int i) {
        AmlTerm[] rows = new AmlTerm[8];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = AmlTerm.pack(
                    AmlTerm.integer(((long) r << 16) | 0xFFFF),
                    AmlTerm.integer(r & 3),
                    AmlTerm.integer(0),
                    AmlTerm.integer(64 + ((i + r) & 0x7F)));
        }
        return AmlTerm.pack(rows);
    }

    /** Device properties in the shape of _DSD: the device-properties UUID and string and integer pairs. */
    private static AmlTerm properties(int i) {
        String[] keys = {
            "compatible",
            "clock-names",
            "reset-names",
            "interrupt-names",
            "power-domains",
            "dma-coherent",
            "vendor,firmware-name",
            "vendor,fifo-depth"
        };
        AmlTerm[] pairs = new AmlTerm[keys.length];
        for (int k = 0; k < keys.length; k++) {
            pairs[k] = AmlTerm.pack(
                    AmlTerm.string(keys[k]),
                    k % 2 == 0
                            ? AmlTerm.string(String.format(Locale.ROOT, "vendor/block%04x-%s.mbn", i, keys[k]))
                            : AmlTerm.integer(0x1000L * k + i));
        }
        return AmlTerm.pack(AmlTerm.buffer(UUID), AmlTerm.pack(pairs));
    }

    /** Configuration bytes in the shape of the blobs vendors keep in Names (2 KiB). */
    private static byte[] firmwareBlob(int i) {
        byte[] b = new byte[2048];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (k * 31 + i);
        }
        return b;
    }

    /** A DSDT of at least {@code size} bytes: devices under \_SB until the AML is that large. */
    static byte[] dsdt(int size) {
        int perDevice = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> device(sb, 0)))
                .aml()
                .length;
        int devices = Math.max(1, size / perDevice + 1);
        return DefinitionBlockBuilder.dsdt()
                .content(root -> root.name("DBGL", AmlTerm.integer(0)).scope("\\_SB", sb -> {
                    for (int i = 0; i < devices; i++) {
                        device(sb, i);
                    }
                }))
                .build(OemIdentity.DEFAULT);
    }

    /** One device: identification, status from a field, a _CRS with its page, an _INI that loops over fields. */
    private static void device(TermListBuilder sb, int i) {
        String name = String.format(Locale.ROOT, "%c%03X", (char) ('A' + i / 0x1000), i & 0xFFF);
        long page = DEVICE_BASE + (long) i * 0x2000;
        byte[] crs = new ResourceTemplateBuilder()
                .memory32Fixed(true, page, 0x1000)
                .irqNoFlags(32 + (i & 0xFF))
                .build();
        AmlTerm local0 = new AmlTerm.Local(0);
        AmlTerm local1 = new AmlTerm.Local(1);
        Consumer<TermListBuilder> body = dev -> dev.hid(String.format(Locale.ROOT, "XHP%04X", i & 0xFFFF))
                .uid(i)
                .name("_CID", AmlTerm.string("PNP0C02"))
                .operationRegion(
                        "REGS", AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(page + 0x1000), AmlTerm.integer(0x100))
                .field(
                        "REGS",
                        FieldAccessType.DWORD,
                        false,
                        FieldUpdateRule.PRESERVE,
                        units -> units.unit("STAT", 32)
                                .unit("CTRL", 32)
                                .unit("IRQS", 32)
                                .unit("MASK", 32))
                .name("_PRW", AmlTerm.pack(AmlTerm.integer(0x6D), AmlTerm.integer(3)))
                .name("ROUT", routing(i))
                .name("_DSD", properties(i))
                .name("FWCF", AmlTerm.buffer(firmwareBlob(i)))
                .name(
                        "CONF",
                        AmlTerm.pack(
                                AmlTerm.integer(i),
                                AmlTerm.integer(0x10),
                                AmlTerm.string("settings"),
                                AmlTerm.integer(page),
                                AmlTerm.integer(0x1000),
                                AmlTerm.integer(3)))
                .method(
                        "_STA",
                        0,
                        false,
                        m -> m.ifThen(
                                        AmlTerm.op(AmlOpcode.LEQUAL, AmlTerm.name("STAT"), AmlTerm.integer(0xFF)),
                                        t -> t.returns(AmlTerm.integer(0)))
                                .returns(AmlTerm.integer(0x0F)))
                .method("_CRS", 0, true, m -> m.returns(AmlTerm.buffer(crs)))
                .method(
                        "_INI",
                        0,
                        true,
                        m -> m.store(AmlTerm.integer(0), local0)
                                .store(AmlTerm.integer(0), local1)
                                .whileDo(
                                        AmlTerm.op(AmlOpcode.LLESS, local0, AmlTerm.integer(16)),
                                        w -> w.store(
                                                        AmlTerm.op(
                                                                AmlOpcode.ADD,
                                                                local1,
                                                                AmlTerm.op(
                                                                        AmlOpcode.DEREF_OF,
                                                                        AmlTerm.op(
                                                                                AmlOpcode.INDEX,
                                                                                AmlTerm.name("FWCF"),
                                                                                local0,
                                                                                new AmlTerm.NoTarget())),
                                                                new AmlTerm.NoTarget()),
                                                        local1)
                                                .term(AmlTerm.op(AmlOpcode.INCREMENT, local0)))
                                .ifElse(
                                        AmlTerm.op(AmlOpcode.LEQUAL, local1, AmlTerm.integer(0)),
                                        t -> t.store(AmlTerm.integer(1), AmlTerm.name("\\DBGL")),
                                        e -> e.store(local1, AmlTerm.name("CTRL"))))
                .method("_PS0", 0, true, m -> m.store(AmlTerm.integer(0), AmlTerm.name("CTRL")))
                .method("_PS3", 0, true, m -> m.store(AmlTerm.integer(3), AmlTerm.name("CTRL")))
                .method(
                        "CNFG",
                        1,
                        false,
                        m -> m.returns(AmlTerm.op(
                                AmlOpcode.DEREF_OF,
                                AmlTerm.op(
                                        AmlOpcode.INDEX,
                                        AmlTerm.name("CONF"),
                                        new AmlTerm.Arg(0),
                                        new AmlTerm.NoTarget()))))
                .method(
                        "_DSM",
                        4,
                        true,
                        m -> m.ifThen(
                                        AmlTerm.op(AmlOpcode.LEQUAL, new AmlTerm.Arg(0), AmlTerm.buffer(UUID)),
                                        u -> u.ifThen(
                                                        AmlTerm.op(
                                                                AmlOpcode.LEQUAL,
                                                                new AmlTerm.Arg(2),
                                                                AmlTerm.integer(0)),
                                                        f -> f.returns(AmlTerm.buffer(new byte[] {0x0F})))
                                                .ifThen(
                                                        AmlTerm.op(
                                                                AmlOpcode.LEQUAL,
                                                                new AmlTerm.Arg(2),
                                                                AmlTerm.integer(1)),
                                                        f -> f.returns(AmlTerm.pack(
                                                                AmlTerm.string("compatible"),
                                                                AmlTerm.string(String.format(
                                                                        Locale.ROOT, "vendor,block-%d", i)),
                                                                AmlTerm.string("reg-io-width"),
                                                                AmlTerm.integer(4))))
                                                .ifThen(
                                                        AmlTerm.op(
                                                                AmlOpcode.LEQUAL,
                                                                new AmlTerm.Arg(2),
                                                                AmlTerm.integer(2)),
                                                        f -> f.store(new AmlTerm.Arg(3), AmlTerm.name("CTRL"))
                                                                .returns(AmlTerm.integer(0)))
                                                .ifThen(
                                                        AmlTerm.op(
                                                                AmlOpcode.LEQUAL,
                                                                new AmlTerm.Arg(2),
                                                                AmlTerm.integer(3)),
                                                        f -> f.store(AmlTerm.integer(0), local0)
                                                                .whileDo(
                                                                        AmlTerm.op(
                                                                                AmlOpcode.LLESS,
                                                                                local0,
                                                                                AmlTerm.integer(4)),
                                                                        w -> w.store(local0, AmlTerm.name("MASK"))
                                                                                .term(AmlTerm.op(
                                                                                        AmlOpcode.INCREMENT, local0)))
                                                                .returns(AmlTerm.name("STAT")))
                                                .ifThen(
                                                        AmlTerm.op(
                                                                AmlOpcode.LEQUAL,
                                                                new AmlTerm.Arg(2),
                                                                AmlTerm.integer(4)),
                                                        f -> f.returns(routing(i + 1))))
                                .returns(AmlTerm.buffer(new byte[] {0})));
        sb.device(name, body);
    }
}
