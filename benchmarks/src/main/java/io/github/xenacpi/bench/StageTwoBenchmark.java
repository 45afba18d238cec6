package io.github.xenacpi.bench;

import io.github.xenacpi.xen.P2mType;
import io.github.xenacpi.xen.StageTwoGeometry;
import io.github.xenacpi.xen.StageTwoTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The P2M model at scale: 1 TiB of MMIO mapped in blocks, and one million 4 KiB pages mapped one by one and
 * unmapped again (the lazy-fault and dev_mmio pattern), each from empty tables.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StageTwoBenchmark {
    private static final long ONE_TIB_PAGES = 1L << 28;
    private static final int MILLION = 1 << 20;

    @Benchmark
    public long mapOneTebibyteInBlocks() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        p2m.map(ONE_TIB_PAGES, ONE_TIB_PAGES, ONE_TIB_PAGES, P2mType.MMIO_DIRECT_C, true);
        return p2m.tablePages();
    }

    @Benchmark
    public long mapAndUnmapAMillionPages() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        for (long gfn = 0; gfn < MILLION; gfn++) {
            p2m.map(0x100000 + gfn, 0x100000 + gfn, 1, P2mType.MMIO_DIRECT_C, false);
        }
        for (long gfn = 0; gfn < MILLION; gfn++) {
            p2m.unmap(0x100000 + gfn, 1);
        }
        return p2m.tablePages();
    }
}
