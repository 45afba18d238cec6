package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Hardware Error Source Table (ACPI 6.5 section 18.3.2): the declared error source count and every error
 * source structure, one record per structure type.
 */
public record HestTable(TableHeader header, long errorSourceCount, List<ErrorSource> sources) implements AcpiTable {

    public HestTable {
        sources = List.copyOf(sources);
    }

    /** One error source structure; {@link #type()} is its structure type (0 to 11, less the reserved 3 to 5). */
    public sealed interface ErrorSource
            permits Ia32MachineCheck, Ia32BankedSource, Ia32Nmi, PcieRootPort, PcieDevice, PcieBridge, Ghes, GhesV2 {

        /** The structure type. */
        int type();

        /** The source id, unique within the table. */
        int sourceId();
    }

    /** Flags bit 0: firmware first. */
    public static final int FLAG_FIRMWARE_FIRST = 1;
    /** Flags bit 1: global (PCIe AER structures: applies to all devices of that kind). */
    public static final int FLAG_GLOBAL = 2;
    /** Flags bit 2: GHES assist. */
    public static final int FLAG_GHES_ASSIST = 4;

    /** The settings every IA-32 and PCIe source shares: flags, enabled, record and section counts. */
    public record Common(int flags, boolean enabled, long recordsToPreallocate, long maxSectionsPerRecord) {}

    /** An IA-32 architecture machine check bank (ACPI 6.5 table 18.4). */
    public record Bank(
            int bankNumber,
            int clearStatusOnInit,
            int statusDataFormat,
            long controlRegisterMsr,
            long controlInitData,
            long statusRegisterMsr,
            long addressRegisterMsr,
            long miscRegisterMsr) {}

    /** The Hardware Error Notification Structure (ACPI 6.5 table 18.14). */
    public record Notification(
            int type,
            int length,
            int configWriteEnable,
            long pollInterval,
            long vector,
            long pollingThresholdValue,
            long pollingThresholdWindow,
            long errorThresholdValue,
            long errorThresholdWindow) {

        /** A builder whose fields start at 0, {@code length} at 28 (its size). */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Notification} field by field. */
        public static final class Builder {
            private int type;
            private int length = 28;
            private int configWriteEnable;
            private long pollInterval;
            private long vector;
            private long pollingThresholdValue;
            private long pollingThresholdWindow;
            private long errorThresholdValue;
            private long errorThresholdWindow;

            private Builder() {}

            public Builder type(int value) {
                type = value;
                return this;
            }

            public Builder length(int value) {
                length = value;
                return this;
            }

            public Builder configWriteEnable(int value) {
                configWriteEnable = value;
                return this;
            }

            public Builder pollInterval(long value) {
                pollInterval = value;
                return this;
            }

            public Builder vector(long value) {
                vector = value;
                return this;
            }

            public Builder pollingThresholdValue(long value) {
                pollingThresholdValue = value;
                return this;
            }

            public Builder pollingThresholdWindow(long value) {
                pollingThresholdWindow = value;
                return this;
            }

            public Builder errorThresholdValue(long value) {
                errorThresholdValue = value;
                return this;
            }

            public Builder errorThresholdWindow(long value) {
                errorThresholdWindow = value;
                return this;
            }

            /** The Notification set so far. */
            public Notification build() {
                return new Notification(
                        type,
                        length,
                        configWriteEnable,
                        pollInterval,
                        vector,
                        pollingThresholdValue,
                        pollingThresholdWindow,
                        errorThresholdValue,
                        errorThresholdWindow);
            }
        }
    }

    /** Type 0: IA-32 Architecture Machine Check Exception. */
    public record Ia32MachineCheck(
            int sourceId, Common common, long globalCapabilityInitData, long globalControlInitData, List<Bank> banks)
            implements ErrorSource {
        public Ia32MachineCheck {
            banks = List.copyOf(banks);
        }

        @Override
        public int type() {
            return 0;
        }
    }

    /** Type 1 (Corrected Machine Check) or type 11 (Deferred Machine Check): a notification and banks. */
    public record Ia32BankedSource(int type, int sourceId, Common common, Notification notification, List<Bank> banks)
            implements ErrorSource {
        public Ia32BankedSource {
            banks = List.copyOf(banks);
        }
    }

    /** Type 2: IA-32 Architecture Non-Maskable Interrupt. */
    public record Ia32Nmi(int sourceId, long recordsToPreallocate, long maxSectionsPerRecord, long maxRawDataLength)
            implements ErrorSource {
        @Override
        public int type() {
            return 2;
        }
    }

    /** The AER settings shared by the three PCIe structures: the device and its AER register values. */
    public record AerSettings(
            long bus,
            int device,
            int function,
            int deviceControl,
            long uncorrectableMask,
            long uncorrectableSeverity,
            long correctableMask,
            long advancedCapabilities) {}

    /** Type 6: PCI Express Root Port AER. */
    public record PcieRootPort(int sourceId, Common common, AerSettings aer, long rootErrorCommand)
            implements ErrorSource {
        @Override
        public int type() {
            return 6;
        }
    }

    /** Type 7: PCI Express Device AER. */
    public record PcieDevice(int sourceId, Common common, AerSettings aer) implements ErrorSource {
        @Override
        public int type() {
            return 7;
        }
    }

    /** Type 8: PCI Express/PCI-X Bridge AER, with the secondary-side registers. */
    public record PcieBridge(
            int sourceId,
            Common common,
            AerSettings aer,
            long secondaryUncorrectableMask,
            long secondaryUncorrectableSeverity,
            long secondaryAdvancedCapabilities)
            implements ErrorSource {
        @Override
        public int type() {
            return 8;
        }
    }

    /** Type 9: Generic Hardware Error Source. */
    public record Ghes(
            int sourceId,
            int relatedSourceId,
            int flags,
            boolean enabled,
            long recordsToPreallocate,
            long maxSectionsPerRecord,
            long maxRawDataLength,
            GenericAddress errorStatusAddress,
            Notification notification,
            long errorStatusBlockLength)
            implements ErrorSource {
        @Override
        public int type() {
            return 9;
        }

        /** A builder whose fields start at 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Ghes} field by field. */
        public static final class Builder {
            private int sourceId;
            private int relatedSourceId;
            private int flags;
            private boolean enabled;
            private long recordsToPreallocate;
            private long maxSectionsPerRecord;
            private long maxRawDataLength;
            private GenericAddress errorStatusAddress;
            private Notification notification;
            private long errorStatusBlockLength;

            private Builder() {}

            public Builder sourceId(int value) {
                sourceId = value;
                return this;
            }

            public Builder relatedSourceId(int value) {
                relatedSourceId = value;
                return this;
            }

            public Builder flags(int value) {
                flags = value;
                return this;
            }

            public Builder enabled(boolean value) {
                enabled = value;
                return this;
            }

            public Builder recordsToPreallocate(long value) {
                recordsToPreallocate = value;
                return this;
            }

            public Builder maxSectionsPerRecord(long value) {
                maxSectionsPerRecord = value;
                return this;
            }

            public Builder maxRawDataLength(long value) {
                maxRawDataLength = value;
                return this;
            }

            public Builder errorStatusAddress(GenericAddress value) {
                errorStatusAddress = value;
                return this;
            }

            public Builder notification(Notification value) {
                notification = value;
                return this;
            }

            public Builder errorStatusBlockLength(long value) {
                errorStatusBlockLength = value;
                return this;
            }

            /** The Ghes set so far. */
            public Ghes build() {
                return new Ghes(
                        sourceId,
                        relatedSourceId,
                        flags,
                        enabled,
                        recordsToPreallocate,
                        maxSectionsPerRecord,
                        maxRawDataLength,
                        errorStatusAddress,
                        notification,
                        errorStatusBlockLength);
            }
        }
    }

    /** Type 10: Generic Hardware Error Source version 2, with the read acknowledge register. */
    public record GhesV2(
            int sourceId,
            int relatedSourceId,
            int flags,
            boolean enabled,
            long recordsToPreallocate,
            long maxSectionsPerRecord,
            long maxRawDataLength,
            GenericAddress errorStatusAddress,
            Notification notification,
            long errorStatusBlockLength,
            GenericAddress readAckRegister,
            long readAckPreserve,
            long readAckWrite)
            implements ErrorSource {
        @Override
        public int type() {
            return 10;
        }

        /** A builder over a GHES's common fields (the part GHESv2 shares with type 9); read-ack fields start at 0. */
        public static Builder builder(Ghes common) {
            return new Builder(common);
        }

        /** Builds a {@link GhesV2} from a {@link Ghes} and the read acknowledge fields. */
        public static final class Builder {
            private final Ghes common;
            private GenericAddress readAckRegister;
            private long readAckPreserve;
            private long readAckWrite;

            private Builder(Ghes common) {
                this.common = common;
            }

            public Builder readAckRegister(GenericAddress value) {
                readAckRegister = value;
                return this;
            }

            public Builder readAckPreserve(long value) {
                readAckPreserve = value;
                return this;
            }

            public Builder readAckWrite(long value) {
                readAckWrite = value;
                return this;
            }

            /** The GhesV2 set so far. */
            public GhesV2 build() {
                return new GhesV2(
                        common.sourceId(),
                        common.relatedSourceId(),
                        common.flags(),
                        common.enabled(),
                        common.recordsToPreallocate(),
                        common.maxSectionsPerRecord(),
                        common.maxRawDataLength(),
                        common.errorStatusAddress(),
                        common.notification(),
                        common.errorStatusBlockLength(),
                        readAckRegister,
                        readAckPreserve,
                        readAckWrite);
            }
        }
    }
}
