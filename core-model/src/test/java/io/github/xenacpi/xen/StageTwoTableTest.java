package io.github.xenacpi.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StageTwoTableTest {

    private static final long GIB_PAGES = 1L << 18;
    private static final long MIB2_PAGES = 1L << 9;
    private static final List<P2mType> TYPES = List.of(P2mType.values());

    /** What the plain map expects at a frame. */
    private record Expected(long mfn, P2mType type) {}

    @ParameterizedTest(name = "{0}-bit IPA: root level {1}, {2} root page(s)")
    @CsvSource({"32,1,1", "36,1,1", "40,1,2", "42,1,8", "44,0,1", "48,0,1"})
    void geometryFollowsSetupVirtPaging(int bits, int rootLevel, int rootPages) {
        StageTwoGeometry g = StageTwoGeometry.forIpaBits(bits);

        assertThat(g.rootLevel()).isEqualTo(rootLevel);
        assertThat(g.rootPages()).isEqualTo(rootPages);
        assertThat(new StageTwoTable(g).tablePages()).isEqualTo(rootPages);
    }

    @Test
    void oneTebibyteOfAlignedMmioTakesOneGibibyteBlocks() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));

        p2m.map(1L << 28, 1L << 28, 1L << 28, P2mType.MMIO_DIRECT_C, true);

        // One level-1 table holds 512 GiB: the TiB starting at 1 TiB needs two of them plus the root.
        assertThat(p2m.tablePages()).isEqualTo(3);
        assertThat(p2m.mappedPages()).isEqualTo(1L << 28);
        assertThat(p2m.lookup((1L << 28) + 12345)).hasValueSatisfying(m -> {
            assertThat(m.level()).isEqualTo(1);
            assertThat(m.mfn()).isEqualTo((1L << 28) + 12345);
            assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_C);
        });
    }

    /**
     * {@code p2m_set_entry}: {@code mask = mfn | gfn | nr}; a block only when gfn, mfn and the remaining count are
     * all multiples of it, else the chunk is 4 KiB (fidelity audit row 7).
     */
    @Test
    void p2mSetEntryTakesABlockOnlyWhenGfnMfnAndRemainingCountAreMultiplesOfIt() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(40));

        // 2 MiB + 4 KiB from a 2 MiB-aligned frame: nr is odd, so every chunk is a page, the block's too.
        p2m.map(0x40000, 0x40000, MIB2_PAGES + 1, P2mType.RAM_RW, true);
        // mfn misaligned against gfn: pages only.
        p2m.map(0x80000, 0x80001, MIB2_PAGES, P2mType.MMIO_DIRECT_C, true);
        // 1 GiB + 2 MiB from a 1 GiB-aligned frame: nr is a multiple of 2 MiB only, so 513 blocks of 2 MiB.
        p2m.map(3 * GIB_PAGES, 3 * GIB_PAGES, GIB_PAGES + MIB2_PAGES, P2mType.RAM_RW, true);
        // 1 page then 2 MiB, ending 2 MiB-aligned: one page, then the rest (aligned again) is a block.
        p2m.map(6 * GIB_PAGES - 1, 6 * GIB_PAGES - 1, MIB2_PAGES + 1, P2mType.RAM_RW, true);

        assertThat(p2m.lookup(0x40000))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(3));
        assertThat(p2m.lookup(0x40000 + MIB2_PAGES))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(3));
        assertThat(p2m.lookup(0x80000)).hasValueSatisfying(m -> {
            assertThat(m.level()).isEqualTo(3);
            assertThat(m.mfn()).isEqualTo(0x80001);
        });
        assertThat(p2m.lookup(3 * GIB_PAGES))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(2));
        assertThat(p2m.lookup(4 * GIB_PAGES))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(2));
        assertThat(p2m.lookup(6 * GIB_PAGES - 1))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(3));
        assertThat(p2m.lookup(6 * GIB_PAGES))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(2));
        assertThat(p2m.entriesWritten()).isEqualTo((MIB2_PAGES + 1) + MIB2_PAGES + (MIB2_PAGES + 1) + 1 + 1);
    }

    @Test
    void lazyMappingsAreAlwaysSinglePages() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));

        p2m.map(0, 0, GIB_PAGES, P2mType.MMIO_DIRECT_C, false);

        assertThat(p2m.lookup(0)).hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(3));
        // root + one level-1 + one level-2 + 512 level-3 tables.
        assertThat(p2m.tablePages()).isEqualTo(1 + 1 + 1 + 512);
    }

    @Test
    void unmappingPartOfABlockSplitsIt() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        p2m.map(0, 0x100000, GIB_PAGES, P2mType.MMIO_DIRECT_DEV, true);

        p2m.unmap(7, 1);

        assertThat(p2m.isMapped(7)).isFalse();
        assertThat(p2m.lookup(8)).hasValueSatisfying(m -> {
            assertThat(m.mfn()).isEqualTo(0x100008);
            assertThat(m.level()).isEqualTo(3);
            assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_DEV);
        });
        assertThat(p2m.lookup(MIB2_PAGES))
                .hasValueSatisfying(m -> assertThat(m.level()).isEqualTo(2));
        assertThat(p2m.mappedPages()).isEqualTo(GIB_PAGES - 1);
    }

    @Test
    void aBlockReplacingATableFreesIt() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        p2m.map(0, 0, 3, P2mType.RAM_RW, false);
        long before = p2m.tablePages();

        p2m.map(0, 0, MIB2_PAGES, P2mType.RAM_RW, true);

        assertThat(p2m.tablePages()).isEqualTo(before - 1);
        assertThat(p2m.mappedPages()).isEqualTo(MIB2_PAGES);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 1L << 36})
    void framesOutsideTheIpaSpaceAreRefused(long gfn) {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));

        assertThatThrownBy(() -> p2m.map(gfn, 0, 1, P2mType.RAM_RW, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("48-bit IPA");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void agreesWithAPlainMapUnderRandomMapsAndUnmaps(long seed) {
        Random random = new Random(seed);
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(40));
        Map<Long, Expected> reference = new HashMap<>();
        long window = 4 * MIB2_PAGES;
        for (int step = 0; step < 400; step++) {
            long gfn = random.nextInt((int) window);
            long count = 1L + random.nextInt(random.nextBoolean() ? 8 : (int) MIB2_PAGES * 2);
            count = Math.min(count, window - gfn);
            if (random.nextInt(3) == 0) {
                p2m.unmap(gfn, count);
                for (long g = gfn; g < gfn + count; g++) {
                    reference.remove(g);
                }
            } else {
                long mfn = random.nextBoolean() ? gfn : random.nextInt(1 << 20);
                P2mType type = TYPES.get(random.nextInt(TYPES.size()));
                p2m.map(gfn, mfn, count, type, random.nextBoolean());
                for (long i = 0; i < count; i++) {
                    reference.put(gfn + i, new Expected(mfn + i, type));
                }
            }
            assertThat(p2m.mappedPages()).isEqualTo(reference.size());
        }
        for (long g = 0; g < window; g++) {
            Expected expected = reference.get(g);
            var actual = p2m.lookup(g);
            if (expected == null) {
                assertThat(actual).as("gfn 0x%X", g).isEmpty();
            } else {
                assertThat(actual).as("gfn 0x%X", g).hasValueSatisfying(m -> {
                    assertThat(m.mfn()).isEqualTo(expected.mfn());
                    assertThat(m.type()).isEqualTo(expected.type());
                });
            }
        }
    }

    @Test
    void sixtyFourTebibytesMappedPageByPageCountWhatXenWritesInBoundedMemory() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        long first = 1L << 34;
        long pages = 1L << 34;

        p2m.map(first, first, pages, P2mType.MMIO_DIRECT_C, false);

        // Each 512 GiB is one level-1 table, 512 level-2 tables and 512 * 512 level-3 tables; plus the root.
        assertThat(p2m.tablePages()).isEqualTo(1 + 128 * (1 + 512 + 512L * 512));
        assertThat(p2m.entriesWritten()).isEqualTo(pages);
        assertThat(p2m.mappedPages()).isEqualTo(pages);
        assertThat(p2m.lookup(first + 0x1234_5678L)).hasValueSatisfying(m -> {
            assertThat(m.level()).isEqualTo(3);
            assertThat(m.mfn()).isEqualTo(first + 0x1234_5678L);
        });

        p2m.unmap(first + 0x1234_5678L, 1);

        assertThat(p2m.mappedPages()).isEqualTo(pages - 1);
        assertThat(p2m.tablePages()).isEqualTo(1 + 128 * (1 + 512 + 512L * 512));
        assertThat(p2m.lookup(first + 0x1234_5678L)).isEmpty();
        assertThat(p2m.lookup(first + 0x1234_5679L))
                .hasValueSatisfying(m -> assertThat(m.mfn()).isEqualTo(first + 0x1234_5679L));

        p2m.unmap(first, pages);

        assertThat(p2m.mappedPages()).isZero();
        assertThat(p2m.tablePages()).isEqualTo(1);
    }

    /**
     * A run mapped in one call counts exactly what the same pages mapped one call each count (tables allocated,
     * blocks split, entries written, pages mapped), over whatever earlier maps and unmaps left.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 99, 2024})
    void aRunInOneCallCountsWhatItsPagesOneByOneCount(long seed) {
        Random random = new Random(seed);
        StageTwoTable run = new StageTwoTable(StageTwoGeometry.forIpaBits(40));
        StageTwoTable pagewise = new StageTwoTable(StageTwoGeometry.forIpaBits(40));
        long window = 3 * GIB_PAGES;
        for (int step = 0; step < 40; step++) {
            long gfn = random.nextInt((int) window);
            int size = random.nextInt(3);
            long count = 1L + random.nextInt(size == 0 ? 600 : size == 1 ? (int) MIB2_PAGES * 8 : (int) GIB_PAGES * 2);
            count = Math.min(count, window - gfn);
            long mfn = random.nextBoolean() ? gfn : random.nextInt(1 << 24);
            P2mType type = TYPES.get(random.nextInt(TYPES.size()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    run.unmap(gfn, count);
                    pagewise.unmap(gfn, count);
                }
                case 1 -> {
                    run.map(gfn, mfn, count, type, true);
                    pagewise.map(gfn, mfn, count, type, true);
                }
                default -> {
                    run.map(gfn, mfn, count, type, false);
                    for (long i = 0; i < count; i++) {
                        pagewise.map(gfn + i, mfn + i, 1, type, false);
                    }
                }
            }
            assertThat(run.tablePages()).as("step %d", step).isEqualTo(pagewise.tablePages());
            assertThat(run.entriesWritten()).as("step %d", step).isEqualTo(pagewise.entriesWritten());
            assertThat(run.mappedPages()).as("step %d", step).isEqualTo(pagewise.mappedPages());
        }
        for (long g = 0; g < window; g += 1 + random.nextInt(97)) {
            assertThat(run.lookup(g)).as("gfn 0x%X", g).isEqualTo(pagewise.lookup(g));
        }
    }
}
