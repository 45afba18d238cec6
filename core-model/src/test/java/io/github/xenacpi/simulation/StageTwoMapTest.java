package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.report.StrategyReport;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.xen.FrameRange;
import io.github.xenacpi.xen.StageTwoGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stage-2 map a simulated boot leaves is the model's own: its pages are the P2M's (device pages as the costs
 * count them), the hypercall and fault ranges are the pages of the outcomes that mapped them, nothing is mapped
 * twice, and the report shows the same ranges. Checked for several platforms, Xen releases and strategies.
 */
class StageTwoMapTest {

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of(Preset.QEMU_VIRT, XenVersion.V4_19, "bus-notify"),
                Arguments.of(Preset.QEMU_VIRT, XenVersion.V4_8, "bus-notify"),
                Arguments.of(Preset.SERVER_RAS, XenVersion.V4_17, "stage2-fault"),
                Arguments.of(Preset.SERVER_RAS, XenVersion.V4_17, "xen-premap"),
                Arguments.of(Preset.NEW_TABLES, XenVersion.V4_22, "acpi-os-ioremap"),
                Arguments.of(Preset.SEED_RFC, XenVersion.V4_8, "map-all-permitted"));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void theMapIsTheModelsP2mPathByPath(Preset preset, XenVersion xen, String strategy) {
        Platform p = preset.platform();
        SimulationInput in = SimulationInput.of(p).with(xen, LinuxVersion.V6_1, SmmuMode.NONE);
        MappingStrategy s = MappingStrategy.all().stream()
                .filter(m -> m.id().equals(strategy))
                .findFirst()
                .orElseThrow();
        SimulationResult r = Simulation.run(in, s);
        StageTwoMap map = r.stageTwoMap();

        // Disjoint, and the device pages (all but RAM) are the pages the costs count in the P2M.
        Set<Long> seen = new TreeSet<>();
        long devicePages = 0;
        for (StageTwoMap.Range range : map.ranges()) {
            assertThat(range.length()).isPositive();
            FrameRange f = FrameRange.covering(range.base(), range.length());
            assertThat(seen.add(f.first())).as("range %s mapped once", range).isTrue();
            if (range.origin() != StageTwoMap.Origin.RAM) {
                devicePages += f.frames();
            }
        }
        assertThat(devicePages).isEqualTo(r.costs().pagesMapped());

        // Every page a fault mapped is the page of a MAPPED_ON_FAULT outcome, and each such page is in the map,
        // except the GHES status block's: its address is what the register holds at run time, which no table gives.
        Set<Long> faultPages = pages(map, StageTwoMap.Origin.FAULT);
        Set<Long> faulted = new TreeSet<>();
        r.withResult(OutcomeResult.MAPPED_ON_FAULT).stream()
                .filter(o -> o.event().kind() != RegionKind.GHES_STATUS_BLOCK)
                .forEach(o -> faulted.add(o.event().base() >>> StageTwoGeometry.PAGE_SHIFT));
        assertThat(faultPages).isEqualTo(faulted);
        // Every page a hypercall mapped lies in an event that asked Xen for it.
        for (long page : pages(map, StageTwoMap.Origin.HYPERCALL)) {
            assertThat(r.outcomes()).anySatisfy(o -> {
                assertThat(o.event().api()).isIn(AccessApi.DEVICE_ADD, AccessApi.IOREMAP, AccessApi.ACPI_OS_IOREMAP);
                FrameRange f = FrameRange.covering(o.event().base(), o.event().length());
                assertThat(page).isBetween(f.first(), f.last());
            });
        }

        // The report shows the same ranges.
        ConformanceReport report = ConformanceReport.of(List.of(p), Instant.EPOCH);
        assertThat(report.platforms()).isNotEmpty();
        StrategyReport shown = StrategyReport.of(r, p.regions());
        assertThat(shown.stageTwoMap()).hasSameSizeAs(map.ranges());
        for (int i = 0; i < map.ranges().size(); i++) {
            StageTwoMap.Range range = map.ranges().get(i);
            StrategyReport.MappedRange m = shown.stageTwoMap().get(i);
            assertThat(m.origin()).isEqualTo(range.origin().id());
            assertThat(Long.parseUnsignedLong(m.base().substring(2), 16)).isEqualTo(range.base());
            assertThat(m.pages() << StageTwoGeometry.PAGE_SHIFT).isEqualTo(range.length());
            assertThat(m.source()).isEqualTo(range.source());
        }
    }

    /** The reports of several configurations: all strategies, a subset, a version grid, a damaged platform. */
    static Stream<Arguments> reports() {
        List<Platform> presets =
                List.of(Preset.QEMU_VIRT.platform(), Preset.SERVER_RAS.platform(), Preset.SEED_RFC.platform());
        List<ConformanceReport.PlatformReport> reported =
                ConformanceReport.of(presets, Instant.EPOCH).platforms();
        List<ConformanceReport.PlatformReport> gridded = IntStream.range(0, presets.size())
                .mapToObj(i -> reported.get(i)
                        .withGrid(VersionGrid.of(
                                presets.get(i),
                                List.of(XenVersion.V4_8, XenVersion.V4_22),
                                List.of(LinuxVersion.V6_1))))
                .toList();
        return Stream.of(
                Arguments.of("every strategy", ConformanceReport.of(presets, Instant.EPOCH)),
                Arguments.of(
                        "a strategy subset",
                        ConformanceReport.of(
                                presets,
                                Stream.of("xen-premap", "stage2-fault")
                                        .map(MappingStrategy::byId)
                                        .toList(),
                                ReportOptions.DEFAULT,
                                Instant.EPOCH)),
                Arguments.of(
                        "a version grid",
                        io.github.xenacpi.api.Validation.report(gridded, List.of(), java.util.Map.of(), Instant.EPOCH)),
                Arguments.of(
                        "a damaged platform",
                        ConformanceReport.of(
                                List.of(Preset.HOSTILE.platform(), Preset.NEW_TABLES.platform()), Instant.EPOCH)));
    }

    /**
     * report.json states each range once for all the strategies that leave it, follows its schema, and expanding its
     * entries over their strategies gives back every strategy's map exactly; the HTML report shows the same entries.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theReportsStateEachRangeOnceAndExpandToEveryStrategysMap(
            String configuration, ConformanceReport report, @TempDir Path dir) throws Exception {
        io.github.xenacpi.report.ReportWriter.write(report, dir);
        String html = Files.readString(dir.resolve("index.html"));
        String text = Files.readString(dir.resolve("report.json"));
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(html).contains("Stage-2 map after boot");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(
                        ConformanceReport.class.getResourceAsStream(ConformanceReport.SCHEMA_RESOURCE),
                        InputFormat.JSON);
        assertThat(schema.validate(text, InputFormat.JSON)).isEmpty();
        for (int i = 0; i < report.platforms().size(); i++) {
            ConformanceReport.PlatformReport pr = report.platforms().get(i);
            JsonNode platform = json.get("platforms").get(i);
            platform.get("strategies")
                    .forEach(s -> assertThat(s.has("stageTwoMap")).isFalse());
            java.util.Map<String, List<List<Object>>> expanded = new java.util.HashMap<>();
            Set<List<Object>> stated = new java.util.HashSet<>();
            for (JsonNode e : platform.get("stageTwoMap")) {
                long pages = 0;
                for (JsonNode range : e.get("ranges")) {
                    long length = Long.parseUnsignedLong(range.get(1).asText().substring(2), 16);
                    pages += length >>> StageTwoGeometry.PAGE_SHIFT;
                    List<Object> key = List.of(
                            e.get("origin").asText(),
                            range.get(0).asText(),
                            range.get(1).asText(),
                            e.get("source").asText());
                    assertThat(stated.add(key)).as("stated once: %s", key).isTrue();
                    assertThat(html)
                            .contains("<span class=\"nw\">" + range.get(0).asText() + " +"
                                    + range.get(1).asText() + "</span>");
                    for (JsonNode strategy : e.get("strategies")) {
                        expanded.computeIfAbsent(strategy.asText(), k -> new java.util.ArrayList<>())
                                .add(key);
                    }
                }
                assertThat(e.get("pages").asLong()).isEqualTo(pages);
                assertThat(html)
                        .contains("<td class=\"nw\">" + e.get("origin").asText() + "</td><td class=\"mono\">"
                                + html(e.get("source").asText()) + "</td>");
            }
            for (SimulationResult r : pr.results()) {
                List<List<Object>> model = r.stageTwoMap().ranges().stream()
                        .map(g -> List.<Object>of(
                                g.origin().id(),
                                "0x" + Long.toHexString(g.base()),
                                "0x" + Long.toHexString(g.length()),
                                g.source()))
                        .toList();
                assertThat(expanded.getOrDefault(r.strategy(), List.of()))
                        .as("%s, %s, %s", configuration, pr.name(), r.strategy())
                        .containsExactlyInAnyOrderElementsOf(model);
            }
            assertThat(expanded.keySet())
                    .as("no map for a strategy not simulated")
                    .isSubsetOf(pr.results().stream()
                            .map(SimulationResult::strategy)
                            .toList());
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Set<Long> pages(StageTwoMap map, StageTwoMap.Origin origin) {
        Set<Long> out = new TreeSet<>();
        for (StageTwoMap.Range range : map.ranges()) {
            if (range.origin() == origin && range.length() >>> StageTwoGeometry.PAGE_SHIFT < 1 << 20) {
                FrameRange f = FrameRange.covering(range.base(), range.length());
                for (long p = f.first(); p <= f.last(); p++) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
