package io.github.xenacpi.dom0;

import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.acpi.region.DescribedRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ordered boot events Dom0 Linux of one version produces on a platform: for every described region the
 * steps its kernel consumer takes ({@link LinuxRegionUse}), and the DMA of the given scenarios, sorted by boot
 * stage (stable within a stage, so a region's map precedes its touch), DMA that precedes the CPU placed before
 * the first touches of device probing. Immutable.
 */
public final class Dom0Boot {
    private final LinuxVersion linux;
    private final List<BootEvent> events;

    private Dom0Boot(LinuxVersion linux, List<BootEvent> events) {
        this.linux = linux;
        this.events = List.copyOf(events);
    }

    /**
     * The boot of {@code linux} over the regions; {@code earlycon} says whether the kernel command line asks
     * for the SPCR early console (the only case in which Linux touches the SPCR UART).
     */
    public static Dom0Boot of(List<DescribedRegion> regions, LinuxVersion linux, boolean earlycon,
                              List<DmaScenario> dma) {
        Objects.requireNonNull(linux, "linux");
        List<BootEvent> unordered = new ArrayList<>();
        for (DescribedRegion r : regions) {
            if (!r.isDeviceMemory()) {
                continue;
            }
            String feature = LinuxRegionUse.feature(r);
            String source = r.table() + (r.instance() > 1 ? "#" + r.instance() : "") + " " + r.path();
            for (LinuxRegionUse.Step s : LinuxRegionUse.steps(r, linux, earlycon)) {
                unordered.add(new BootEvent(0, s.stage(), s.api(), s.kernelApi(), r.kind(), s.base(), s.length(),
                        s.function(), feature, r.table(), source));
            }
        }
        for (DmaScenario d : dma) {
            BootStage stage = d.beforeCpu() ? BootStage.SUBSYS_INITCALL : BootStage.RUNTIME;
            unordered.add(new BootEvent(0, stage, AccessApi.DMA, "dma", d.targetKind(), d.address(), 4,
                    d.device(), "DMA by " + d.device(), "", d.device()));
        }
        List<BootEvent> sorted = new ArrayList<>(unordered);
        // Stable: stage first; within a stage, DMA before the CPU so that "before the CPU touches it" holds.
        sorted.sort(Comparator.comparing(BootEvent::stage)
                .thenComparing(e -> e.api() == AccessApi.DMA && e.stage() != BootStage.RUNTIME ? 0 : 1));
        List<BootEvent> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).withOrder(i + 1));
        }
        return new Dom0Boot(linux, out);
    }

    public LinuxVersion linux() {
        return linux;
    }

    /** The events in boot order, numbered from 1. */
    public List<BootEvent> events() {
        return events;
    }
}
