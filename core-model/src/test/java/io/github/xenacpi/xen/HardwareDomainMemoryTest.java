package io.github.xenacpi.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.SmmuMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins acpi_map_other_tables and the SMMU sharing rule (src-site/markdown/dom0-model.md, "Xen"). */
class HardwareDomainMemoryTest {

    private static DescribedRegion table(String sig, long base, long length) {
        return new DescribedRegion(RegionKind.ACPI_TABLE, AddressSpace.SYSTEM_MEMORY, base, length, sig, 1, -1, sig);
    }

    @Test
    void tablesAreMappedFromTheirPageForPfnUpOfTheirSize() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));

        var mapped = HardwareDomainMemory.build(
                p2m,
                List.of(new MemoryRange(0x8000_0000L, 1L << 30)),
                List.of(table("MCFG", 0xF000_0F00L, 0x200), table("DSDT", 0xF001_0000L, 0x3000)));

        // Offset 0xF00, size 0x200: one page mapped, the table spans two.
        assertThat(mapped.get(0).lastPageMissing()).isTrue();
        assertThat(p2m.isMapped(0xF0000)).isTrue();
        assertThat(p2m.isMapped(0xF0001)).isFalse();
        assertThat(mapped.get(1).lastPageMissing()).isFalse();
        assertThat(p2m.lookup(0xF0012))
                .hasValueSatisfying(m -> assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_C));
        assertThat(p2m.lookup(0x80000)).hasValueSatisfying(m -> {
            assertThat(m.type()).isEqualTo(P2mType.RAM_RW);
            assertThat(m.level()).isEqualTo(1);
        });
    }

    @Test
    void theRootListHoldsAtMost128Tables() {
        List<DescribedRegion> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(table("SSDT", 0xE000_0000L + i * 0x1000L, 0x100));
        }

        var mapped = HardwareDomainMemory.build(new StageTwoTable(StageTwoGeometry.forIpaBits(48)), List.of(), many);

        assertThat(mapped).hasSize(HardwareDomainMemory.ROOT_LIST_LIMIT);
    }

    @Test
    void sharedSmmuReachesOnlyWhatTheP2mMaps() {
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(48));
        p2m.map(0x100, 0x100, 1, P2mType.MMIO_DIRECT_C, false);
        Smmu shared = new Smmu(SmmuMode.SHARED, p2m);
        Smmu none = new Smmu(SmmuMode.NONE, p2m);

        assertThat(shared.dmaReaches(0x100_000L)).isTrue();
        assertThat(shared.dmaReaches(0x200_000L)).isFalse();
        assertThat(shared.faults()).isEqualTo(1);
        assertThat(none.dmaReaches(0x200_000L)).isTrue();
    }
}
