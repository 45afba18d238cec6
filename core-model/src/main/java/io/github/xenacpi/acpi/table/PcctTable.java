package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Platform Communications Channel Table (ACPI 6.5 section 14.1): global flags and one subspace per channel,
 * each with its shared memory region and doorbell and, depending on its type, acknowledge, command complete and
 * error status registers.
 */
public record PcctTable(TableHeader header, long flags, List<Subspace> subspaces) implements AcpiTable {

    public PcctTable {
        subspaces = List.copyOf(subspaces);
    }

    /** Flags bit 0: the platform interrupts (SCI or GSIV) on command completion. */
    public static final long FLAG_PLATFORM_INTERRUPT = 1;

    /** One PCC subspace; {@link #type()} is its subspace type. */
    public sealed interface Subspace permits Generic, HwReduced, Extended, HwRegisters, Unknown {

        /** The subspace type (0 to 5 defined). */
        int type();
    }

    /** A register with the preserve and write masks of a read-modify-write (doorbell, acknowledge). */
    public record RegisterWrite(GenericAddress register, long preserve, long write) {}

    /** A register with the mask that selects its meaningful bits (command complete check, error status). */
    public record RegisterMask(GenericAddress register, long mask) {}

    /** The platform interrupt of a HW-reduced or extended subspace: its GSIV and flags. */
    public record Interrupt(long gsiv, int flags) {}

    /** Type 0: generic communications subspace. */
    public record Generic(
            long baseAddress,
            long length,
            RegisterWrite doorbell,
            long nominalLatency,
            long maxPeriodicAccessRate,
            int minTurnaroundTime)
            implements Subspace {
        @Override
        public int type() {
            return 0;
        }
    }

    /**
     * Types 1 and 2: HW-reduced communications subspace; type 2 adds the platform interrupt acknowledge register
     * ({@code interruptAck} is null for type 1).
     */
    public record HwReduced(
            int type,
            Interrupt interrupt,
            long baseAddress,
            long length,
            RegisterWrite doorbell,
            long nominalLatency,
            long maxPeriodicAccessRate,
            int minTurnaroundTime,
            RegisterWrite interruptAck)
            implements Subspace {}

    /** Types 3 (master) and 4 (slave): extended PCC subspace. */
    public record Extended(
            int type,
            Interrupt interrupt,
            long baseAddress,
            long length,
            RegisterWrite doorbell,
            long nominalLatency,
            long maxPeriodicAccessRate,
            long minTurnaroundTime,
            RegisterWrite interruptAck,
            RegisterMask commandCompleteCheck,
            RegisterWrite commandCompleteUpdate,
            RegisterMask errorStatus)
            implements Subspace {}

    /** Type 5: HW registers based communications subspace. */
    public record HwRegisters(
            int version,
            long baseAddress,
            long length,
            RegisterWrite doorbell,
            RegisterMask commandCompleteCheck,
            RegisterMask errorStatus,
            long nominalLatency,
            long minTurnaroundTime)
            implements Subspace {
        @Override
        public int type() {
            return 5;
        }
    }

    /** A subspace of a type ACPI 6.5 does not define, kept with its length. */
    public record Unknown(int type, int length) implements Subspace {}
}
