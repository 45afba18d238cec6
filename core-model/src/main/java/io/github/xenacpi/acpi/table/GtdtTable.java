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
}
