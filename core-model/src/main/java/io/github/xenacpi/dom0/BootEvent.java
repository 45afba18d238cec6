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

    /**
     * A builder whose order starts at 0 (the boot numbers its events once they are in order) and whose table and
     * source start empty; the stage, the API, the kind, the function and the feature must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BootEvent} field by field. */
    public static final class Builder {
        private int order;
        private BootStage stage;
        private AccessApi api;
        private String kernelApi;
        private RegionKind kind;
        private long base;
        private long length;
        private String function;
        private String feature;
        private String table = "";
        private String source = "";

        private Builder() {}

        public Builder order(int value) {
            order = value;
            return this;
        }

        public Builder stage(BootStage value) {
            stage = value;
            return this;
        }

        public Builder api(AccessApi value) {
            api = value;
            return this;
        }

        public Builder kernelApi(String value) {
            kernelApi = value;
            return this;
        }

        public Builder kind(RegionKind value) {
            kind = value;
            return this;
        }

        public Builder base(long value) {
            base = value;
            return this;
        }

        public Builder length(long value) {
            length = value;
            return this;
        }

        public Builder function(String value) {
            function = value;
            return this;
        }

        public Builder feature(String value) {
            feature = value;
            return this;
        }

        public Builder table(String value) {
            table = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        /** The event set so far. */
        public BootEvent build() {
            return new BootEvent(order, stage, api, kernelApi, kind, base, length, function, feature, table, source);
        }
    }

    /** The same event at another position in the boot order. */
    BootEvent withOrder(int newOrder) {
        return new BootEvent(newOrder, stage, api, kernelApi, kind, base, length, function, feature, table, source);
    }
}
