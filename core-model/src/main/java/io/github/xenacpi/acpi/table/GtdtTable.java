package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Generic Timer Description Table (ACPI 6.5 section 5.2.25): the system counter's frames, the per-CPU timer
 * interrupts (revision 3 adds the EL2 virtual timer), and the platform timers: memory-mapped GT blocks with their
 * frames, and SBSA generic watchdogs. Fields a revision lacks read 0.
 */
public record GtdtTable(
        TableHeader header,
        long cntControlBase,
        Timer secureEl1,
        Timer nonSecureEl1,
        Timer virtualEl1,
        Timer el2,
        long cntReadBase,
        long platformTimerCount,
        long platformTimerOffset,
        Timer virtualEl2,
        List<PlatformTimer> platformTimers)
        implements AcpiTable {

    /** The value of {@code cntControlBase} and {@code cntReadBase} when the frame is not provided. */
    public static final long NOT_PROVIDED = 0xFFFF_FFFF_FFFF_FFFFL;

    public GtdtTable {
        platformTimers = List.copyOf(platformTimers);
    }

    /** A timer's interrupt (GSIV) and its flags (trigger mode, polarity, always-on). */
    public record Timer(long gsiv, long flags) {}

    /** What a builder starts each per-CPU timer at: GSIV 0, no flags. */
    private static final Timer NO_TIMER = new Timer(0, 0);

    /** One platform timer structure. */
    public sealed interface PlatformTimer permits GtBlock, Watchdog, OtherTimer {

        /** The structure's type byte. */
        int type();
    }

    /** Type 0: a memory-mapped GT block (CNTCTLBase) and its timer frames. */
    public record GtBlock(long cntCtlBase, long timerCount, long timerOffset, List<GtFrame> frames)
            implements PlatformTimer {

        public GtBlock {
            frames = List.copyOf(frames);
        }

        @Override
        public int type() {
            return 0;
        }
    }

    /** One frame of a GT block: CNTBaseN, CNTEL0BaseN and its physical and virtual timer interrupts. */
    public record GtFrame(
            int frameNumber, long cntBase, long cntEl0Base, Timer physicalTimer, Timer virtualTimer, long commonFlags) {

        /** Common flags bit 0: the timer is secure. */
        public static final long SECURE = 1;
    }

    /** Type 1: an SBSA generic watchdog with its refresh and control frames. */
    public record Watchdog(long refreshFrame, long controlFrame, long gsiv, long flags) implements PlatformTimer {
        @Override
        public int type() {
            return 1;
        }
    }

    /** A platform timer of a type ACPI 6.5 does not define, kept by type and length. */
    public record OtherTimer(int type, int length) implements PlatformTimer {}

    /** A builder whose fields start at 0, with no header, timers of GSIV 0 and no platform timers. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GtdtTable} field by field. */
    public static final class Builder {
        private TableHeader header;
        private long cntControlBase;
        private Timer secureEl1 = NO_TIMER;
        private Timer nonSecureEl1 = NO_TIMER;
        private Timer virtualEl1 = NO_TIMER;
        private Timer el2 = NO_TIMER;
        private long cntReadBase;
        private long platformTimerCount;
        private long platformTimerOffset;
        private Timer virtualEl2 = NO_TIMER;
        private List<PlatformTimer> platformTimers = List.of();

        private Builder() {}

        public Builder header(TableHeader value) {
            header = value;
            return this;
        }

        public Builder cntControlBase(long value) {
            cntControlBase = value;
            return this;
        }

        public Builder secureEl1(Timer value) {
            secureEl1 = value;
            return this;
        }

        public Builder nonSecureEl1(Timer value) {
            nonSecureEl1 = value;
            return this;
        }

        public Builder virtualEl1(Timer value) {
            virtualEl1 = value;
            return this;
        }

        public Builder el2(Timer value) {
            el2 = value;
            return this;
        }

        public Builder cntReadBase(long value) {
            cntReadBase = value;
            return this;
        }

        public Builder platformTimerCount(long value) {
            platformTimerCount = value;
            return this;
        }

        public Builder platformTimerOffset(long value) {
            platformTimerOffset = value;
            return this;
        }

        public Builder virtualEl2(Timer value) {
            virtualEl2 = value;
            return this;
        }

        public Builder platformTimers(List<PlatformTimer> value) {
            platformTimers = value;
            return this;
        }

        public GtdtTable build() {
            return new GtdtTable(
                    header,
                    cntControlBase,
                    secureEl1,
                    nonSecureEl1,
                    virtualEl1,
                    el2,
                    cntReadBase,
                    platformTimerCount,
                    platformTimerOffset,
                    virtualEl2,
                    platformTimers);
        }
    }
}
