package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Multiple APIC Description Table (signature {@code APIC}, ACPI 6.5 section 5.2.12): the local interrupt
 * controller address, the flags, and every interrupt controller structure in table order.
 */
public record MadtTable(
        TableHeader header, long localInterruptControllerAddress, long flags, List<Structure> structures)
        implements AcpiTable {

    /** Flags bit 0: the platform also has dual 8259 PICs. */
    public static final long PCAT_COMPAT = 1;

    public MadtTable {
        structures = List.copyOf(structures);
    }

    /** The structures of one kind, in table order. */
    public <S extends Structure> List<S> structures(Class<S> kind) {
        return structures.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** One interrupt controller structure; its {@link #type()} is the MADT type byte. */
    public sealed interface Structure
            permits LocalApic,
                    IoApic,
                    InterruptSourceOverride,
                    NmiSource,
                    LocalApicNmi,
                    LocalApicAddressOverride,
                    IoSapic,
                    LocalSapic,
                    PlatformInterruptSource,
                    LocalX2Apic,
                    LocalX2ApicNmi,
                    Gicc,
                    Gicd,
                    GicMsiFrame,
                    Gicr,
                    GicIts,
                    Other {

        /** The structure's type byte. */
        int type();
    }

    /** Type 0: Processor Local APIC. */
    public record LocalApic(int processorUid, int apicId, long flags) implements Structure {
        @Override
        public int type() {
            return 0;
        }
    }

    /** Type 1: I/O APIC. */
    public record IoApic(int ioApicId, long address, long gsiBase) implements Structure {
        @Override
        public int type() {
            return 1;
        }
    }

    /** Type 2: Interrupt Source Override. */
    public record InterruptSourceOverride(int bus, int source, long gsi, int flags) implements Structure {
        @Override
        public int type() {
            return 2;
        }
    }

    /** Type 3: Non-Maskable Interrupt Source. */
    public record NmiSource(int flags, long gsi) implements Structure {
        @Override
        public int type() {
            return 3;
        }
    }

    /** Type 4: Local APIC NMI. */
    public record LocalApicNmi(int processorUid, int flags, int lint) implements Structure {
        @Override
        public int type() {
            return 4;
        }
    }

    /** Type 5: Local APIC Address Override. */
    public record LocalApicAddressOverride(long address) implements Structure {
        @Override
        public int type() {
            return 5;
        }
    }

    /** Type 6: I/O SAPIC. */
    public record IoSapic(int ioApicId, long gsiBase, long address) implements Structure {
        @Override
        public int type() {
            return 6;
        }
    }

    /** Type 7: Local SAPIC, with its ACPI processor UID as a number and as a string. */
    public record LocalSapic(int processorId, int sapicId, int sapicEid, long flags, long uidValue, String uidString)
            implements Structure {
        @Override
        public int type() {
            return 7;
        }
    }

    /** Type 8: Platform Interrupt Sources. */
    public record PlatformInterruptSource(
            int flags,
            int interruptType,
            int processorId,
            int processorEid,
            int ioSapicVector,
            long gsi,
            long sourceFlags)
            implements Structure {
        @Override
        public int type() {
            return 8;
        }
    }

    /** Type 9: Processor Local x2APIC. */
    public record LocalX2Apic(long x2ApicId, long flags, long processorUid) implements Structure {
        @Override
        public int type() {
            return 9;
        }
    }

    /** Type 0xA: Local x2APIC NMI. */
    public record LocalX2ApicNmi(int flags, long processorUid, int lint) implements Structure {
        @Override
        public int type() {
            return 0xA;
        }
    }

    /**
     * Type 0xB: GIC CPU Interface (GICC). {@code length} is 76 (ACPI 5.1), 80 (6.0: efficiency class; 6.3: SPE
     * overflow interrupt) or 82 (6.5: TRBE interrupt); fields past the length read 0.
     */
    public record Gicc(
            int length,
            long cpuInterfaceNumber,
            long processorUid,
            long flags,
            long parkingProtocolVersion,
            long performanceInterruptGsiv,
            long parkedAddress,
            long physicalBaseAddress,
            long gicvBaseAddress,
            long gichBaseAddress,
            long vgicMaintenanceInterrupt,
            long gicrBaseAddress,
            long mpidr,
            int efficiencyClass,
            int speOverflowInterrupt,
            int trbeInterrupt)
            implements Structure {

        /** Flags bit 0: the processor is ready for use. */
        public static final long ENABLED = 1;
        /** Flags bit 3 (ACPI 6.5): the processor can be brought online later. */
        public static final long ONLINE_CAPABLE = 1 << 3;

        @Override
        public int type() {
            return 0xB;
        }

        /** A builder whose fields start at 0, {@code length} at 82 (ACPI 6.5). */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Gicc} field by field. */
        public static final class Builder {
            private int length = 82;
            private long cpuInterfaceNumber;
            private long processorUid;
            private long flags;
            private long parkingProtocolVersion;
            private long performanceInterruptGsiv;
            private long parkedAddress;
            private long physicalBaseAddress;
            private long gicvBaseAddress;
            private long gichBaseAddress;
            private long vgicMaintenanceInterrupt;
            private long gicrBaseAddress;
            private long mpidr;
            private int efficiencyClass;
            private int speOverflowInterrupt;
            private int trbeInterrupt;

            private Builder() {}

            public Builder length(int value) {
                length = value;
                return this;
            }

            public Builder cpuInterfaceNumber(long value) {
                cpuInterfaceNumber = value;
                return this;
            }

            public Builder processorUid(long value) {
                processorUid = value;
                return this;
            }

            public Builder flags(long value) {
                flags = value;
                return this;
            }

            public Builder parkingProtocolVersion(long value) {
                parkingProtocolVersion = value;
                return this;
            }

            public Builder performanceInterruptGsiv(long value) {
                performanceInterruptGsiv = value;
                return this;
            }

            public Builder parkedAddress(long value) {
                parkedAddress = value;
                return this;
            }

            public Builder physicalBaseAddress(long value) {
                physicalBaseAddress = value;
                return this;
            }

            public Builder gicvBaseAddress(long value) {
                gicvBaseAddress = value;
                return this;
            }

            public Builder gichBaseAddress(long value) {
                gichBaseAddress = value;
                return this;
            }

            public Builder vgicMaintenanceInterrupt(long value) {
                vgicMaintenanceInterrupt = value;
                return this;
            }

            public Builder gicrBaseAddress(long value) {
                gicrBaseAddress = value;
                return this;
            }

            public Builder mpidr(long value) {
                mpidr = value;
                return this;
            }

            public Builder efficiencyClass(int value) {
                efficiencyClass = value;
                return this;
            }

            public Builder speOverflowInterrupt(int value) {
                speOverflowInterrupt = value;
                return this;
            }

            public Builder trbeInterrupt(int value) {
                trbeInterrupt = value;
                return this;
            }

            /** The Gicc set so far. */
            public Gicc build() {
                return new Gicc(
                        length,
                        cpuInterfaceNumber,
                        processorUid,
                        flags,
                        parkingProtocolVersion,
                        performanceInterruptGsiv,
                        parkedAddress,
                        physicalBaseAddress,
                        gicvBaseAddress,
                        gichBaseAddress,
                        vgicMaintenanceInterrupt,
                        gicrBaseAddress,
                        mpidr,
                        efficiencyClass,
                        speOverflowInterrupt,
                        trbeInterrupt);
            }
        }
    }

    /** Type 0xC: GIC Distributor (GICD); {@code version} 0 means "find out from the hardware". */
    public record Gicd(long gicId, long physicalBaseAddress, long systemVectorBase, int version) implements Structure {
        @Override
        public int type() {
            return 0xC;
        }
    }

    /** Type 0xD: GIC MSI Frame (GICv2m). */
    public record GicMsiFrame(long frameId, long physicalBaseAddress, long flags, int spiCount, int spiBase)
            implements Structure {
        @Override
        public int type() {
            return 0xD;
        }
    }

    /** Type 0xE: GIC Redistributor (GICR) discovery range. */
    public record Gicr(long discoveryRangeBaseAddress, long discoveryRangeLength) implements Structure {
        @Override
        public int type() {
            return 0xE;
        }
    }

    /** Type 0xF: GIC Interrupt Translation Service (ITS). */
    public record GicIts(long translationId, long physicalBaseAddress) implements Structure {
        @Override
        public int type() {
            return 0xF;
        }
    }

    /**
     * A structure this decoder keeps only by type and length: multiprocessor wakeup (0x10), the LoongArch and
     * RISC-V controllers (0x11 and up), reserved and OEM types (0x80 to 0xFF).
     */
    public record Other(int type, int length) implements Structure {}
}
