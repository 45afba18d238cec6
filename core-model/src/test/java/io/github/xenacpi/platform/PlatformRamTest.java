package io.github.xenacpi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dom0's RAM: the descriptor's ranges in whole pages, with every described device range carved out. */
class PlatformRamTest {

    private static Platform platform(List<MemoryRange> ram, long... devicePages) {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    for (int i = 0; i < devicePages.length; i += 2) {
                        long base = devicePages[i];
                        long length = devicePages[i + 1];
                        byte[] crs = new ResourceTemplateBuilder()
                                .qwordAddress(AddressSpec.memory().range(0, base, base + length - 1, 0, length))
                                .build();
                        String b36 = Integer.toString(i / 2, 36).toUpperCase(java.util.Locale.ROOT);
                        sb.device(
                                "D" + "000".substring(b36.length()) + b36,
                                d -> d.hid("XACP0002").uid(0).crs(crs));
                    }
                }));
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt)
                .build()
                .image());
        return new Platform("ram", tables, PlatformDescriptor.builder().ram(ram).build());
    }

    private static final long R = 0x2_0000_0000L;

    @Test
    void deviceRangesAreCarvedOutInWholePages() {
        Platform p = platform(
                List.of(new MemoryRange(R, 0x10_0000L), new MemoryRange(R + 0x1000_0000L, 0x1000)),
                R + 0x1000,
                0x1000,
                R + 0x4800,
                0x1000,
                R + 0x1000_0000L,
                0x10,
                R - 0x1000,
                0x2000);

        assertThat(p.ram())
                .containsExactly(new MemoryRange(R + 0x2000, 0x2000), new MemoryRange(R + 0x6000, 0xF_A000L));
    }

    @Test
    void twoHundredThousandRangesAndTwoThousandDevicesCarveInOnePass() {
        List<MemoryRange> ram = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            ram.add(new MemoryRange(R + 0x2000L * i, 0x1000));
        }
        long[] devices = new long[4000];
        for (int i = 0; i < 2000; i++) {
            devices[2 * i] = R + 0x2000L * 100 * i;
            devices[2 * i + 1] = 0x1000;
        }

        Platform p = platform(ram, devices);

        assertThat(p.ram()).hasSize(200_000 - 2000);
    }
}
