package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.report.HtmlReport.Bar;
import io.github.xenacpi.report.HtmlReport.MapView;
import io.github.xenacpi.report.HtmlReport.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory map reads addresses as unsigned 64-bit: 0 and 2^63 and above draw where they are (issue 13 point 7). */
class MemoryMapTest {

    static DescribedRegion region(long base, long length) {
        return new DescribedRegion(
                RegionKind.ECAM, AddressSpace.SYSTEM_MEMORY, base, length, "MCFG", 1, 44, "MCFG.allocation[0]");
    }

    @Test
    void addressesAtZeroAndAbove2To63DrawWhereTheyAreWithFewLabels() {
        MapView map = HtmlReport.map(
                List.of(new MemoryRange(0x8000_0000L, 0x8000_0000L)),
                List.of(
                        region(0, 0x1000),
                        region(0x8000_0000_0000_0000L, 0x1000),
                        region(0xFFFF_FFFF_F000_0000L, 0x1000_0000L)),
                List.of());
        int left = 70;
        int width = HtmlReport.MAP_WIDTH;
        assertThat(map.bars())
                .allSatisfy(b -> assertThat(b.width()).as(b.title()).isLessThan(width / 4));
        Bar top = map.bars().stream()
                .filter(b -> b.title().startsWith("ECAM 0xFFFFFFFFF0000000"))
                .findFirst()
                .orElseThrow();
        assertThat(top.x()).as("2^64 - 256 MiB sits at the right end").isGreaterThan(left + width * 9 / 10);
        assertThat(top.x() + top.width()).isLessThanOrEqualTo(left + width);
        Bar half = map.bars().stream()
                .filter(b -> b.title().startsWith("ECAM 0x8000000000000000"))
                .findFirst()
                .orElseThrow();
        assertThat(half.x()).isGreaterThan(left + width * 9 / 10).isLessThan(top.x() + 1);
        Bar zero = map.bars().stream()
                .filter(b -> b.title().startsWith("ECAM 0x0 "))
                .findFirst()
                .orElseThrow();
        assertThat(zero.x()).isEqualTo(left);
        assertThat(map.ticks())
                .as("at most 17 labels from 1 B to 16 EiB")
                .hasSizeLessThanOrEqualTo(17)
                .extracting(Tick::label)
                .contains("1 B")
                .doesNotHaveDuplicates();
        for (int i = 1; i < map.ticks().size(); i++) {
            assertThat(map.ticks().get(i).x() - map.ticks().get(i - 1).x())
                    .as("labels apart")
                    .isGreaterThan(50);
        }
    }

    @Test
    void aRangeThatWrapsPastTheTopEndsThere() {
        MapView map = HtmlReport.map(List.of(), List.of(region(0xFFFF_FFFF_FFFF_F000L, 0x10_0000L)), List.of());
        assertThat(map.bars()).singleElement().satisfies(b -> {
            assertThat(b.x() + b.width()).isLessThanOrEqualTo(70 + HtmlReport.MAP_WIDTH);
            assertThat(b.width()).isLessThan(HtmlReport.MAP_WIDTH / 4);
        });
    }
}
