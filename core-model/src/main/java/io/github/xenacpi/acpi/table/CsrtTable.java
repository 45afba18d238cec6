package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Core System Resource Table (Microsoft CSRT specification): resource groups of a vendor's device, each with
 * vendor-defined shared information and resource descriptors (interrupt combiners, timers, DMA controllers and
 * channels, or vendor types). Shared information and descriptor data are kept as bytes: their layout is
 * vendor-defined.
 */
public record CsrtTable(TableHeader header, List<ResourceGroup> groups) implements AcpiTable {

    public CsrtTable {
        groups = List.copyOf(groups);
    }

    /** A resource group: its vendor and device identity, shared information and descriptors. */
    public record ResourceGroup(
            int offset,
            int length,
            long vendorId,
            long subvendorId,
            int deviceId,
            int subdeviceId,
            int revision,
            Bytes sharedInfo,
            List<ResourceDescriptor> descriptors) {

        public ResourceGroup {
            descriptors = List.copyOf(descriptors);
        }

        /** The vendor ID as the four ASCII characters it holds, such as {@code QCOM} or {@code INTL}. */
        public String vendorName() {
            return ascii(vendorId);
        }

        /** A builder whose fields start at 0, with no shared information and no descriptors. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link ResourceGroup} field by field. */
        public static final class Builder {
            private int offset;
            private int length;
            private long vendorId;
            private long subvendorId;
            private int deviceId;
            private int subdeviceId;
            private int revision;
            private Bytes sharedInfo = new Bytes(new byte[0]);
            private List<ResourceDescriptor> descriptors = List.of();

            private Builder() {}

            public Builder offset(int value) {
                offset = value;
                return this;
            }

            public Builder length(int value) {
                length = value;
                return this;
            }

            public Builder vendorId(long value) {
                vendorId = value;
                return this;
            }

            public Builder subvendorId(long value) {
                subvendorId = value;
                return this;
            }

            public Builder deviceId(int value) {
                deviceId = value;
                return this;
            }

            public Builder subdeviceId(int value) {
                subdeviceId = value;
                return this;
            }

            public Builder revision(int value) {
                revision = value;
                return this;
            }

            public Builder sharedInfo(Bytes value) {
                sharedInfo = value;
                return this;
            }

            public Builder descriptors(List<ResourceDescriptor> value) {
                descriptors = value;
                return this;
            }

            public ResourceGroup build() {
                return new ResourceGroup(
                        offset,
                        length,
                        vendorId,
                        subvendorId,
                        deviceId,
                        subdeviceId,
                        revision,
                        sharedInfo,
                        descriptors);
            }
        }
    }

    /** One resource descriptor: type (1 interrupt, 2 timer, 3 DMA), subtype, UID and vendor data. */
    public record ResourceDescriptor(int offset, int length, int type, int subtype, long uid, Bytes data) {}

    /** An immutable run of bytes with value equality. */
    @SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array's contents
    public record Bytes(byte[] value) {

        public Bytes {
            value = value.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] value() {
            return value.clone();
        }

        public int size() {
            return value.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(value);
        }
    }

    private static String ascii(long id) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (id >>> (8 * i));
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
