package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.XenVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The version grid on two real laptops of the corpus. Most of its Snapdragon laptops carry a FADT of revision 5.0
 * (the Dell XPS 13 9345 among them): {@code acpi_parse_fadt} accepts only 5.1 and later (6.0 before 4.15), so no
 * Xen release builds an ACPI Dom0 there. The Lenovo Yoga Slim 7x has a FADT 6.3 and an SPCR: every Xen builds
 * Dom0, and from 4.9 every strategy boots it.
 */
@Tag("corpus")
class CorpusVersionGridTest {

    private static Path laptop(String name) {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        Path machine = corpus.resolve("aarch64-laptops").resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(machine), "no corpus laptop at " + machine.toAbsolutePath());
        return machine;
    }

    @Test
    void aFadt50LaptopBootsNoAcpiDom0OnAnyXen() throws Exception {
        VersionGrid grid = VersionGrid.of(
                Platform.load(laptop("dell-xps-9345")),
                List.of(XenVersion.V4_8, XenVersion.V4_22),
                List.of(LinuxVersion.V6_1));

        assertThat(grid.cells()).allSatisfy(c -> {
            assertThat(c.built()).isFalse();
            assertThat(c.notBuilt()).startsWith("acpi_parse_fadt: FADT 5.0");
        });
    }

    @Test
    void aFadt63LaptopBootsUnderEveryStrategyFrom49() throws Exception {
        VersionGrid grid = VersionGrid.of(
                Platform.load(laptop("lenovo-yoga-slim-7x-14Q8Y11")),
                List.of(XenVersion.V4_8, XenVersion.V4_22),
                List.of(LinuxVersion.V4_10, LinuxVersion.V6_1));

        VersionGrid.Cell old = grid.cell(XenVersion.V4_8, LinuxVersion.V6_1).orElseThrow();
        assertThat(old.built()).isTrue();
        assertThat(old.booting()).doesNotContain("bus-notify").contains("arm64-ioremap", "stage2-fault");
        assertThat(grid.cell(XenVersion.V4_22, LinuxVersion.V6_1).orElseThrow().booting())
                .containsExactlyElementsOf(grid.strategies());
    }
}
