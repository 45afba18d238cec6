package io.github.xenacpi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.xenacpi.api.Firmware;
import io.github.xenacpi.api.FirmwareFolder;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.Validation;
import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.strategy.MappingStrategy;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Time and memory of each platform validated on its own, through the façade as the goal runs it (load, decode, AML,
 * every strategy, the report model): the robustness page's "worst time and memory per platform" (issue 18). Memory
 * is the highest heap in use after any garbage collection while the platform was validated, less what was in use
 * before it: the live data the platform needed at its peak. Run it with a small heap (for example {@code -Xmx128m}),
 * so that collections are frequent and the after-collection peak is close to the live peak.
 *
 * <p>Usage: {@code java -Xmx128m -cp benchmarks/target/benchmarks.jar io.github.xenacpi.bench.PlatformMemory
 * ../shared/corpus/aarch64-laptops preset:all}: firmware entries as the goal's {@code xenacpi.firmware} takes them.
 */
public final class PlatformMemory {

    private PlatformMemory() {}

    /** Validates each platform the entries name, one after another, and prints one line each and the worst. */
    public static void main(String[] args) throws ValidationException {
        List<String> entries = args.length == 0 ? List.of("preset:all") : List.of(args);
        FirmwareFolder.Found found = Firmware.locate(entries, Path.of("").toAbsolutePath());
        Validation validation = new Validation(MappingStrategy.all(), Overrides.NONE, 1);
        AtomicLong peakAfterGc = new AtomicLong();
        listenToCollections(peakAfterGc);
        // One platform first, unmeasured, so that class loading and the JIT's first work are not charged to it.
        validation.one(found.platforms().get(0));
        String worstTimeName = "";
        String worstMemoryName = "";
        double worstSeconds = 0;
        long worstBytes = 0;
        System.out.printf(
                Locale.ROOT, "%-40s %8s %10s %10s  %s%n", "platform", "time s", "peak MiB", "kept MiB", "status");
        for (PlatformSource source : found.platforms()) {
            long before = retained();
            peakAfterGc.set(before);
            long start = System.nanoTime();
            PlatformReport report = validation.one(source);
            double seconds = (System.nanoTime() - start) / 1e9;
            long kept = retained() - before;
            long peak = Math.max(peakAfterGc.get() - before, kept);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %8.3f %10.1f %10.1f  %s%n",
                    source.name(),
                    seconds,
                    peak / 1048576.0,
                    kept / 1048576.0,
                    report.summary().status());
            if (seconds > worstSeconds) {
                worstSeconds = seconds;
                worstTimeName = source.name();
            }
            if (peak > worstBytes) {
                worstBytes = peak;
                worstMemoryName = source.name();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d platforms in a %d MiB heap; worst time %.3f s (%s); worst memory %.1f MiB " + "(%s)%n",
                found.platforms().size(),
                Runtime.getRuntime().maxMemory() >> 20,
                worstSeconds,
                worstTimeName,
                worstBytes / 1048576.0,
                worstMemoryName);
    }

    /** Keeps the highest heap use after any collection in {@code peak}. */
    private static void listenToCollections(AtomicLong peak) {
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
                                    peak.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
    }

    private static long retained() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
