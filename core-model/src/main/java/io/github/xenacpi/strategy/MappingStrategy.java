package io.github.xenacpi.strategy;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.xen.IomemPermissions;
import java.util.List;

/**
 * One way of getting device memory into Dom0's stage-2 tables: what Xen maps ahead at build, which tables it
 * hides, which Dom0 mapping calls issue a hypercall, and whether Xen maps on a stage-2 fault. Linux's
 * arm-device.c bus notifier runs under every strategy, as it does in real kernels. Its {@link #id()} appears
 * in every report.
 */
public sealed interface MappingStrategy
        permits BusNotify, XenPremap, AcpiOsIoremap, Arm64Ioremap, StageTwoFault, MapAllPermitted, FaultPlusDmaPremap {

    /** Every strategy, in report order. */
    static List<MappingStrategy> all() {
        return List.of(
                new BusNotify(),
                new XenPremap(false),
                new XenPremap(true),
                new AcpiOsIoremap(),
                new Arm64Ioremap(),
                new StageTwoFault(),
                new MapAllPermitted(),
                new FaultPlusDmaPremap());
    }

    /** The strategy of an id. */
    static MappingStrategy byId(String id) {
        return all().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy \"" + id + "\"; known: "
                        + all().stream().map(MappingStrategy::id).toList()));
    }

    /** The stable id: {@code bus-notify}, {@code stage2-fault}, ... */
    String id();

    /** One sentence for reports. */
    String description();

    /** The device-memory regions Xen maps into Dom0's P2M at build time under this strategy. */
    default List<DescribedRegion> premappedAtBuild(
            List<DescribedRegion> regions, XenVersion xen, IomemPermissions permissions, List<DmaScenario> dma) {
        return List.of();
    }

    /** Whether Xen maps every permitted non-RAM frame at build. */
    default boolean mapsEverythingPermitted() {
        return false;
    }

    /** Whether Xen removes this table from what Dom0 sees. */
    default boolean hidesTable(String signature, XenVersion xen) {
        return false;
    }

    /** Whether a Dom0 mapping call through this API issues {@code XENMEM_add_to_physmap_range} first. */
    default boolean hypercallOn(AccessApi api) {
        return false;
    }

    /** Whether Xen maps a permitted page on a Dom0 stage-2 data abort, whatever its version. */
    default boolean mapsOnFault() {
        return false;
    }
}
