package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.RegionKind;
import java.util.Objects;

/**
 * One thing Dom0 Linux does to device memory while it boots, in order: at which stage, through which API (and
 * which precise kernel call), on which range of which kind, in which kernel function, for which feature, and
 * where the range was described ({@code table}, the signature, empty for DMA; {@code source}, a table field
 * path or an AML path).
 */
public record BootEvent(
        int order,
        BootStage stage,
        AccessApi api,
        String kernelApi,
        RegionKind kind,
        long base,
        long length,
        String function,
        String feature,
        String table,
        String source) {

    public BootEvent {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
    }

    /** The same event at another position in the boot order. */
    BootEvent withOrder(int newOrder) {
        return new BootEvent(newOrder, stage, api, kernelApi, kind, base, length, function, feature, table, source);
    }
}
