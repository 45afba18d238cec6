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

    /** What a builder starts a register with a preserve and write mask at: all zeros, as a zeroed table reads. */
    private static final RegisterWrite NO_WRITE = new RegisterWrite(new GenericAddress(0, 0, 0, 0, 0), 0, 0);

    /** What a builder starts a register with a mask at: all zeros. */
    private static final RegisterMask NO_MASK = new RegisterMask(new GenericAddress(0, 0, 0, 0, 0), 0);

    /** What a builder starts the platform interrupt at: GSIV 0, no flags. */
    private static final Interrupt NO_INTERRUPT = new Interrupt(0, 0);

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
            implements Subspace {

        /**
         * A builder for a type 1 subspace whose fields start at 0 and registers at address 0, with no acknowledge
         * register (one at address 0 when the type is set to 2).
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link HwReduced} field by field. */
        public static final class Builder {
            private int type = 1;
            private Interrupt interrupt = NO_INTERRUPT;
            private long baseAddress;
            private long length;
            private RegisterWrite doorbell = NO_WRITE;
            private long nominalLatency;
            private long maxPeriodicAccessRate;
            private int minTurnaroundTime;
            private RegisterWrite interruptAck;

            private Builder() {}

            public Builder type(int value) {
                type = value;
                return this;
            }

            public Builder interrupt(Interrupt value) {
                interrupt = value;
                return this;
            }

            public Builder baseAddress(long value) {
                baseAddress = value;
                return this;
            }

            public Builder length(long value) {
                length = value;
                return this;
            }

            public Builder doorbell(RegisterWrite value) {
                doorbell = value;
                return this;
            }

            public Builder nominalLatency(long value) {
                nominalLatency = value;
                return this;
            }

            public Builder maxPeriodicAccessRate(long value) {
                maxPeriodicAccessRate = value;
                return this;
            }

            public Builder minTurnaroundTime(int value) {
                minTurnaroundTime = value;
                return this;
            }

            public Builder interruptAck(RegisterWrite value) {
                interruptAck = value;
                return this;
            }

            public HwReduced build() {
                return new HwReduced(
                        type,
                        interrupt,
                        baseAddress,
                        length,
                        doorbell,
                        nominalLatency,
                        maxPeriodicAccessRate,
                        minTurnaroundTime,
                        interruptAck == null && type != 1 ? NO_WRITE : interruptAck);
            }
        }
    }

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
            implements Subspace {

        /** A builder for a type 3 (master) subspace whose fields start at 0 and registers at address 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Extended} field by field. */
        public static final class Builder {
            private int type = 3;
            private Interrupt interrupt = NO_INTERRUPT;
            private long baseAddress;
            private long length;
            private RegisterWrite doorbell = NO_WRITE;
            private long nominalLatency;
            private long maxPeriodicAccessRate;
            private long minTurnaroundTime;
            private RegisterWrite interruptAck = NO_WRITE;
            private RegisterMask commandCompleteCheck = NO_MASK;
            private RegisterWrite commandCompleteUpdate = NO_WRITE;
            private RegisterMask errorStatus = NO_MASK;

            private Builder() {}

            public Builder type(int value) {
                type = value;
                return this;
            }

            public Builder interrupt(Interrupt value) {
                interrupt = value;
                return this;
            }

            public Builder baseAddress(long value) {
                baseAddress = value;
                return this;
            }

            public Builder length(long value) {
                length = value;
                return this;
            }

            public Builder doorbell(RegisterWrite value) {
                doorbell = value;
                return this;
            }

            public Builder nominalLatency(long value) {
                nominalLatency = value;
                return this;
            }

            public Builder maxPeriodicAccessRate(long value) {
                maxPeriodicAccessRate = value;
                return this;
            }

            public Builder minTurnaroundTime(long value) {
                minTurnaroundTime = value;
                return this;
            }

            public Builder interruptAck(RegisterWrite value) {
                interruptAck = value;
                return this;
            }

            public Builder commandCompleteCheck(RegisterMask value) {
                commandCompleteCheck = value;
                return this;
            }

            public Builder commandCompleteUpdate(RegisterWrite value) {
                commandCompleteUpdate = value;
                return this;
            }

            public Builder errorStatus(RegisterMask value) {
                errorStatus = value;
                return this;
            }

            public Extended build() {
                return new Extended(
                        type,
                        interrupt,
                        baseAddress,
                        length,
                        doorbell,
                        nominalLatency,
                        maxPeriodicAccessRate,
                        minTurnaroundTime,
                        interruptAck,
                        commandCompleteCheck,
                        commandCompleteUpdate,
                        errorStatus);
            }
        }
    }

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
