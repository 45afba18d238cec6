package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Firmware ACPI Control Structure (ACPI 6.5 section 5.2.10): the hardware signature, the waking vectors, the
 * global lock and the flags. It has no standard header; its {@link #header()} holds its signature, length and
 * version.
 */
public record FacsTable(
        TableHeader header,
        long length,
        long hardwareSignature,
        long firmwareWakingVector,
        long globalLock,
        long flags,
        long xFirmwareWakingVector,
        int version,
        long ospmFlags)
        implements AcpiTable {

    /** Flags bit 0: S4BIOS_REQ is supported. */
    public static final long S4BIOS_F = 1;
    /** Flags bit 1: the platform can wake into a 64-bit environment. */
    public static final long WAKE_64BIT_SUPPORTED_F = 1 << 1;

    /** A builder whose numbers start at 0 and whose header starts null (as the FACS a builder writes has none). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FacsTable} field by field, each setter named after its component. */
    public static final class Builder {
        private TableHeader header;
        private long length;
        private long hardwareSignature;
        private long firmwareWakingVector;
        private long globalLock;
        private long flags;
        private long xFirmwareWakingVector;
        private int version;
        private long ospmFlags;

        private Builder() {}

        public Builder header(TableHeader value) {
            header = value;
            return this;
        }

        public Builder length(long value) {
            length = value;
            return this;
        }

        public Builder hardwareSignature(long value) {
            hardwareSignature = value;
            return this;
        }

        public Builder firmwareWakingVector(long value) {
            firmwareWakingVector = value;
            return this;
        }

        public Builder globalLock(long value) {
            globalLock = value;
            return this;
        }

        public Builder flags(long value) {
            flags = value;
            return this;
        }

        public Builder xFirmwareWakingVector(long value) {
            xFirmwareWakingVector = value;
            return this;
        }

        public Builder version(int value) {
            version = value;
            return this;
        }

        public Builder ospmFlags(long value) {
            ospmFlags = value;
            return this;
        }

        /** The FacsTable set so far. */
        public FacsTable build() {
            return new FacsTable(
                    header,
                    length,
                    hardwareSignature,
                    firmwareWakingVector,
                    globalLock,
                    flags,
                    xFirmwareWakingVector,
                    version,
                    ospmFlags);
        }
    }
}
