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
    public sealed interface ErrorSource permits Ia32MachineCheck, Ia32BankedSource, Ia32Nmi, PcieRootPort,
            PcieDevice, PcieBridge, Ghes, GhesV2 {

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
    public record Common(int flags, boolean enabled, long recordsToPreallocate, long maxSectionsPerRecord) {
    }

    /** An IA-32 architecture machine check bank (ACPI 6.5 table 18.4). */
    public record Bank(int bankNumber, int clearStatusOnInit, int statusDataFormat, long controlRegisterMsr,
                       long controlInitData, long statusRegisterMsr, long addressRegisterMsr,
                       long miscRegisterMsr) {
    }

    /** The Hardware Error Notification Structure (ACPI 6.5 table 18.14). */
    public record Notification(int type, int length, int configWriteEnable, long pollInterval, long vector,
                               long pollingThresholdValue, long pollingThresholdWindow, long errorThresholdValue,
                               long errorThresholdWindow) {
    }

    /** Type 0: IA-32 Architecture Machine Check Exception. */
    public record Ia32MachineCheck(int sourceId, Common common, long globalCapabilityInitData,
                                   long globalControlInitData, List<Bank> banks) implements ErrorSource {
        public Ia32MachineCheck {
            banks = List.copyOf(banks);
        }

        @Override
        public int type() {
            return 0;
        }
    }

    /** Type 1 (Corrected Machine Check) or type 11 (Deferred Machine Check): a notification and banks. */
    public record Ia32BankedSource(int type, int sourceId, Common common, Notification notification,
                                   List<Bank> banks) implements ErrorSource {
        public Ia32BankedSource {
            banks = List.copyOf(banks);
        }
    }

    /** Type 2: IA-32 Architecture Non-Maskable Interrupt. */
    public record Ia32Nmi(int sourceId, long recordsToPreallocate, long maxSectionsPerRecord,
                          long maxRawDataLength) implements ErrorSource {
        @Override
        public int type() {
            return 2;
        }
    }

    /** The AER settings shared by the three PCIe structures: the device and its AER register values. */
    public record AerSettings(long bus, int device, int function, int deviceControl, long uncorrectableMask,
                              long uncorrectableSeverity, long correctableMask, long advancedCapabilities) {
    }

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
    public record PcieBridge(int sourceId, Common common, AerSettings aer, long secondaryUncorrectableMask,
                             long secondaryUncorrectableSeverity, long secondaryAdvancedCapabilities)
            implements ErrorSource {
        @Override
        public int type() {
            return 8;
        }
    }

    /** Type 9: Generic Hardware Error Source. */
    public record Ghes(int sourceId, int relatedSourceId, int flags, boolean enabled, long recordsToPreallocate,
                       long maxSectionsPerRecord, long maxRawDataLength, GenericAddress errorStatusAddress,
                       Notification notification, long errorStatusBlockLength) implements ErrorSource {
        @Override
        public int type() {
            return 9;
        }
    }

    /** Type 10: Generic Hardware Error Source version 2, with the read acknowledge register. */
    public record GhesV2(int sourceId, int relatedSourceId, int flags, boolean enabled, long recordsToPreallocate,
                         long maxSectionsPerRecord, long maxRawDataLength, GenericAddress errorStatusAddress,
                         Notification notification, long errorStatusBlockLength, GenericAddress readAckRegister,
                         long readAckPreserve, long readAckWrite) implements ErrorSource {
        @Override
        public int type() {
            return 10;
        }
    }
}
