package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.decoder.GtdtDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a GTDT of revision 1, 2 or 3 (default 3): the per-CPU timers, the counter frames, and platform timers
 * from {@link GtdtTable.GtBlock} and {@link GtdtTable.Watchdog} records. The platform timer count and offset are
 * derived unless set explicitly; each GT block's frame count and offset are what its record says (its frames follow
 * its 20-byte header whatever the offset says), so a test can build a block whose count or offset lies.
 */
public final class GtdtBuilder implements TableBuilder {
    private static final int[] REVISION_END = {0, 80, 96, 104};

    private final List<GtdtTable.PlatformTimer> platformTimers = new ArrayList<>();
    private int revision = 3;
    private long cntControlBase = GtdtTable.NOT_PROVIDED;
    private long cntReadBase = GtdtTable.NOT_PROVIDED;
    private GtdtTable.Timer secureEl1 = new GtdtTable.Timer(29, 0);
    private GtdtTable.Timer nonSecureEl1 = new GtdtTable.Timer(30, 0);
    private GtdtTable.Timer virtualEl1 = new GtdtTable.Timer(27, 0);
    private GtdtTable.Timer el2 = new GtdtTable.Timer(26, 0);
    private GtdtTable.Timer virtualEl2 = new GtdtTable.Timer(28, 0);
    private Long platformTimerCount;
    private Long platformTimerOffset;

    public GtdtBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    public GtdtBuilder cntControlBase(long value) {
        this.cntControlBase = value;
        return this;
    }

    public GtdtBuilder cntReadBase(long value) {
        this.cntReadBase = value;
        return this;
    }

    /** Sets the five per-CPU timers. */
    public GtdtBuilder timers(
            GtdtTable.Timer secureEl1Timer,
            GtdtTable.Timer nonSecureEl1Timer,
            GtdtTable.Timer virtualEl1Timer,
            GtdtTable.Timer el2Timer,
            GtdtTable.Timer virtualEl2Timer) {
        this.secureEl1 = secureEl1Timer;
        this.nonSecureEl1 = nonSecureEl1Timer;
        this.virtualEl1 = virtualEl1Timer;
        this.el2 = el2Timer;
        this.virtualEl2 = virtualEl2Timer;
        return this;
    }

    /** Appends a GT block or a watchdog. */
    public GtdtBuilder add(GtdtTable.PlatformTimer timer) {
        platformTimers.add(timer);
        return this;
    }

    /** Overrides the platform timer count written (for tests of inconsistent tables). */
    public GtdtBuilder platformTimerCount(long value) {
        this.platformTimerCount = value;
        return this;
    }

    /** Overrides the platform timer offset written (for tests of inconsistent tables). */
    public GtdtBuilder platformTimerOffset(long value) {
        this.platformTimerOffset = value;
        return this;
    }

    @Override
    public String signature() {
        return "GTDT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        int fixedEnd = REVISION_END[Math.max(1, Math.min(revision, 3))];
        GtdtTable table = GtdtTable.builder()
                .cntControlBase(cntControlBase)
                .secureEl1(secureEl1)
                .nonSecureEl1(nonSecureEl1)
                .virtualEl1(virtualEl1)
                .el2(el2)
                .cntReadBase(cntReadBase)
                .platformTimerCount(platformTimerCount != null ? platformTimerCount : platformTimers.size())
                .platformTimerOffset(
                        platformTimerOffset != null ? platformTimerOffset : platformTimers.isEmpty() ? 0 : fixedEnd)
                .virtualEl2(virtualEl2)
                .build();
        byte[] fixed =
                TableWriter.headerless().record(GtdtDecoder.TABLE_RECORD, table).toBytes();
        TableWriter w =
                TableWriter.withHeader("GTDT", revision, oem).bytes(Arrays.copyOf(fixed, fixedEnd - TableHeader.SIZE));
        for (GtdtTable.PlatformTimer t : platformTimers) {
            if (t instanceof GtdtTable.GtBlock b) {
                int frames = b.frames().size();
                w.struct(GtdtDecoder.GT_BLOCK)
                        .set("type", 0)
                        .set("length", GtdtDecoder.GT_BLOCK.size() + (long) frames * GtdtDecoder.GT_FRAME.size())
                        .set(GtdtDecoder.GT_BLOCK_RECORD, b)
                        .write();
                for (GtdtTable.GtFrame f : b.frames()) {
                    w.record(GtdtDecoder.GT_FRAME_RECORD, f);
                }
            } else if (t instanceof GtdtTable.Watchdog d) {
                w.struct(GtdtDecoder.WATCHDOG)
                        .set("type", 1)
                        .set("length", GtdtDecoder.WATCHDOG.size())
                        .set(GtdtDecoder.WATCHDOG_RECORD, d)
                        .write();
            } else if (t instanceof GtdtTable.OtherTimer o) {
                w.u8(o.type()).u16(o.length()).zeros(Math.max(0, o.length() - 3));
            }
        }
        return w.finish();
    }
}
