package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Xen x Linux grid on the seed platform and on one Xen before 4.15 refuses. */
class VersionGridTest {
    private static VersionGrid seed;

    @BeforeAll
    static void run() {
        seed = VersionGrid.of(
                Preset.SEED_RFC.platform(),
                List.of(XenVersion.V4_8, XenVersion.V4_17),
                List.of(LinuxVersion.V4_10, LinuxVersion.V6_6));
    }

    private static VersionGrid.StrategyCell strategy(XenVersion x, LinuxVersion l, String id) {
        return seed.cell(x, l).orElseThrow().strategies().stream()
                .filter(s -> s.strategy().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void oneCellPerPairXenMajorWithEveryStrategy() {
        assertThat(seed.cells())
                .extracting(c -> c.xen() + "/" + c.linux())
                .containsExactly("4.8/4.10", "4.8/6.6", "4.17/4.10", "4.17/6.6");
        assertThat(seed.cells()).allSatisfy(c -> {
            assertThat(c.built()).isTrue();
            assertThat(c.strategies())
                    .extracting(VersionGrid.StrategyCell::strategy)
                    .containsExactlyElementsOf(seed.strategies());
        });
    }

    @Test
    void theNewerTableBreaksXenPremapOnlyWithAKernelThatMapsIt() {
        // Linux 6.6 maps the CXL 1.1 RCRB (cxl_rcrb_to_component, 6.3); 4.10 has no CXL driver.
        assertThat(strategy(XenVersion.V4_8, LinuxVersion.V6_6, "xen-premap").aborts())
                .contains("CXL_HOST_BRIDGE");
        assertThat(strategy(XenVersion.V4_8, LinuxVersion.V4_10, "xen-premap").aborts())
                .doesNotContain("CXL_HOST_BRIDGE");
        // Xen 4.17 knows CEDT (2021) and pre-maps the RCRB.
        assertThat(strategy(XenVersion.V4_17, LinuxVersion.V6_6, "xen-premap").aborts())
                .doesNotContain("CXL_HOST_BRIDGE");
    }

    @Test
    void stageTwoFaultBootsButLosesTheEarlyDmaUnderTheSharedSmmu() {
        VersionGrid.StrategyCell fault = strategy(XenVersion.V4_17, LinuxVersion.V6_6, "stage2-fault");
        assertThat(fault.boots()).isTrue();
        assertThat(fault.losesDma()).isTrue();
        // From 4.9 try_map_mmio backs every strategy: all boot; on 4.8 only those that map every access ahead.
        assertThat(seed.cell(XenVersion.V4_17, LinuxVersion.V6_6).orElseThrow().booting())
                .containsExactlyElementsOf(seed.strategies());
        assertThat(seed.cell(XenVersion.V4_8, LinuxVersion.V6_6).orElseThrow().booting())
                .contains("stage2-fault", "arm64-ioremap", "map-all-permitted", "fault-plus-dma-premap")
                .doesNotContain("bus-notify", "xen-premap", "acpi-os-ioremap");
        assertThat(strategy(XenVersion.V4_8, LinuxVersion.V6_6, "xen-premap-blacklist")
                        .losesFeatures())
                .isTrue();
    }

    @Test
    void aXenThatRefusesTheFirmwareGetsNoStrategyRow() {
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false).revision(5).minorVersion(1))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .build()
                .image());
        VersionGrid grid = VersionGrid.of(
                new Platform("acpi-5.1", tables, PlatformDescriptor.DEFAULT),
                List.of(XenVersion.V4_9, XenVersion.V4_15),
                List.of(LinuxVersion.V6_1));

        assertThat(grid.cells().get(0).built()).isFalse();
        assertThat(grid.cells().get(0).notBuilt()).startsWith("acpi_parse_fadt");
        assertThat(grid.cells().get(0).strategies()).isEmpty();
        assertThat(grid.cells().get(1).built()).isTrue();
    }

    @Test
    void serialisesWithJacksonAndReadsBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(seed);
        JsonNode tree = json.readTree(text);

        assertThat(tree.get("xen").get(0).asText()).isEqualTo("4.8");
        assertThat(tree.get("cells").get(1).get("linux").asText()).isEqualTo("6.6");
        assertThat(tree.get("cells")
                        .get(1)
                        .get("strategies")
                        .get(0)
                        .get("verdict")
                        .asText())
                .isEqualTo("FAIL");
        assertThat(json.readValue(text, VersionGrid.class)).isEqualTo(seed);
    }
}
