package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.VersionGridTable;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The validate goal's grid and verdicts on two real laptops, as the README shows them: the Lenovo Yoga Slim 7x
 * (FADT 6.3, SPCR) is built by every Xen of the grid; the Dell XPS 13 9345 (FADT 5.0) by none, and its report says
 * NOT_BUILT instead of "8 of 8 strategies pass".
 */
@Tag("corpus")
class CorpusValidationGridTest {

    private static PlatformSource laptop(String name) {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        Path machine = corpus.resolve("aarch64-laptops").resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(machine), "no corpus laptop at " + machine.toAbsolutePath());
        return PlatformSource.at(machine);
    }

    private static List<PlatformReport> validate(PlatformSource... platforms) throws Exception {
        return new Validation(
                        MappingStrategy.all(),
                        Overrides.parse("4.22", "6.12", null),
                        2,
                        VersionAxes.parse("4.17,4.19,4.22", "6.1,6.6,6.12"))
                .run(List.of(platforms));
    }

    @Test
    void theYogaIsBuiltByEveryXenOfTheGridAndTheXpsByNone() throws Exception {
        List<PlatformReport> reports = validate(laptop("lenovo-yoga-slim-7x-14Q8Y11"), laptop("dell-xps-9345"));

        PlatformReport yoga = reports.get(0);
        assertThat(yoga.summary().notBuilt()).isNull();
        assertThat(yoga.summary().recommended()).isNotNull();
        assertThat(yoga.grid().cells())
                .hasSize(9)
                .allSatisfy(c -> assertThat(c.built()).isTrue());
        assertThat(yoga.grid()
                        .cell(XenVersion.V4_22, LinuxVersion.V6_12)
                        .orElseThrow()
                        .booting())
                .containsExactlyElementsOf(yoga.results().stream()
                        .filter(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.DEGRADED)
                        .map(r -> r.strategy())
                        .toList());

        PlatformReport xps = reports.get(1);
        assertThat(xps.results()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.NOT_BUILT));
        assertThat(xps.summary().passing()).isEmpty();
        assertThat(xps.summary().notBuilt().reason()).startsWith("FADT 5.0");
        assertThat(xps.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("XEN.DOM0.NOT_BUILT");
            assertThat(f.strategy()).isEmpty();
        });
        assertThat(xps.grid().cells()).hasSize(9).allSatisfy(c -> {
            assertThat(c.built()).isFalse();
            assertThat(c.strategies()).isEmpty();
        });
        assertThat(VersionGridTable.lines(xps.grid()))
                .anySatisfy(l ->
                        assertThat(l).startsWith("[A] Xen refuses these tables").contains("acpi_parse_fadt: FADT 5.0"));
        assertThat(VersionGridTable.lines(yoga.grid()).get(0)).contains("6.1").contains("6.12");
        assertThat(yoga.grid().cells()).extracting(VersionGrid.Cell::notBuilt).containsOnlyNulls();
    }
}
