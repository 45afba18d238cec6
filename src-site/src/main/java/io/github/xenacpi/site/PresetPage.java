package io.github.xenacpi.site;

import static io.github.xenacpi.site.Markdown.code;
import static io.github.xenacpi.site.Markdown.text;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The presets page: per {@link Preset}, its intent (the constant's Javadoc) and what the loaded platform
 * actually holds (tables, regions by kind, namespace devices and OperationRegions, diagnostics, descriptor), with
 * the verdict of every strategy.
 */
final class PresetPage {
    /** Diagnostics listed per preset before the rest is only counted. */
    private static final int DIAGNOSTICS_SHOWN = 12;

    private PresetPage() {}

    /** The page's Markdown. */
    static String markdown(PresetJavadoc javadoc) throws SiteException {
        StringBuilder md = new StringBuilder("# Presets\n\n");
        md.append("""
                Built-in platforms, made by the project's table builders: each writes real table bytes that the
                same readers read back, so a preset goes through every stage a real acpidump does. Use them to try
                the tool without firmware at hand, as test subjects, and as examples of what the tool reports.
                Name one as `preset:ID` where the Maven goals take firmware (`-Dxenacpi.firmware=preset:seed-rfc`),
                or with `@XenPlatform(preset = "ID")` in a test.

                Generated while the site is built: the descriptions are the presets' Javadoc, everything else is
                read from the loaded platforms.

                """);
        Map<Preset, Platform> platforms = new LinkedHashMap<>();
        for (Preset preset : Preset.values()) {
            platforms.put(preset, preset.platform());
        }
        List<String> header = new ArrayList<>(List.of("Strategy"));
        platforms.forEach((preset, p) -> header.add("[" + code(preset.id()) + "](#" + preset.id() + ")"));
        List<List<String>> rows = new ArrayList<>();
        List<String> setting = new ArrayList<>(List.of("*Xen, Linux, SMMU*"));
        platforms
                .values()
                .forEach(p -> setting.add("*" + p.descriptor().xen() + ", "
                        + p.descriptor().linux() + ", " + p.descriptor().smmu().id() + "*"));
        rows.add(setting);
        for (MappingStrategy s : MappingStrategy.all()) {
            List<String> row = new ArrayList<>(List.of("[" + code(s.id()) + "](strategies.html#" + s.id() + ")"));
            platforms
                    .values()
                    .forEach(p -> row.add(
                            Simulation.run(SimulationInput.of(p), s).verdict().toString()));
            rows.add(row);
        }
        md.append("## Verdicts\n\nEach preset under its own descriptor's setting (first row), per strategy.\n\n")
                .append(Markdown.table(header, rows));
        for (Map.Entry<Preset, Platform> e : platforms.entrySet()) {
            md.append(section(e.getKey(), e.getValue(), javadoc.intent(e.getKey())));
        }
        return md.toString();
    }

    private static String section(Preset preset, Platform p, String intent) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(preset.id()).append("\n\n").append(intent).append("\n\n");
        PlatformDescriptor d = p.descriptor();
        md.append("- **Descriptor:** Xen ")
                .append(d.xen())
                .append(", Linux ")
                .append(d.linux())
                .append(", SMMU ")
                .append(code(d.smmu().id()))
                .append(d.earlycon() ? ", SPCR early console" : "")
                .append(
                        d.dma().isEmpty()
                                ? ", no DMA scenario"
                                : ", DMA: "
                                        + d.dma().stream().map(PresetPage::dma).collect(Collectors.joining("; ")))
                .append(d.equals(PlatformDescriptor.DEFAULT) ? " (the defaults of a bare dump)" : "")
                .append('\n');
        md.append("- **Tables:** ")
                .append(p.tables().all().stream().map(PresetPage::table).collect(Collectors.joining(", ")))
                .append('\n');
        NamespaceSurvey survey = p.survey();
        md.append("- **Namespace devices:** ")
                .append(
                        survey.devices().isEmpty()
                                ? "none"
                                : survey.devices().stream()
                                        .map(PresetPage::device)
                                        .collect(Collectors.joining(", ")))
                .append('\n');
        md.append("- **OperationRegions:** ")
                .append(
                        survey.operationRegions().isEmpty()
                                ? "none"
                                : survey.operationRegions().stream()
                                        .map(PresetPage::operationRegion)
                                        .collect(Collectors.joining(", ")))
                .append('\n');
        md.append("- **Described regions, by kind:** ")
                .append(regions(p.regions()))
                .append("\n\n");
        List<Diagnostic> diagnostics = p.diagnostics();
        if (diagnostics.isEmpty()) {
            md.append("The readers report no diagnostic.\n\n");
        } else {
            md.append("Diagnostics (").append(diagnostics.size()).append("):\n\n");
            md.append(Markdown.table(
                    List.of("Severity", "Table", "Offset", "Message"),
                    diagnostics.stream()
                            .limit(DIAGNOSTICS_SHOWN)
                            .map(g -> List.of(
                                    g.severity().toString().toLowerCase(Locale.ROOT),
                                    g.table().isEmpty() ? "" : code(g.table()),
                                    g.offset() < 0 ? "" : String.valueOf(g.offset()),
                                    text(g.message())))
                            .toList()));
            if (diagnostics.size() > DIAGNOSTICS_SHOWN) {
                md.append("... and ")
                        .append(diagnostics.size() - DIAGNOSTICS_SHOWN)
                        .append(" more; see the ")
                        .append("[sample report](sample-report/index.html).\n\n");
            }
        }
        return md.toString();
    }

    /** Each kind with its count (when above one) and the tables that describe it, in catalogue order. */
    private static String regions(List<DescribedRegion> regions) {
        Map<String, List<DescribedRegion>> byKind = new LinkedHashMap<>();
        regions.forEach(r ->
                byKind.computeIfAbsent(r.kind().name(), k -> new ArrayList<>()).add(r));
        return byKind.entrySet().stream()
                .map(k -> code(k.getKey())
                        + (k.getValue().size() > 1 ? " ×" + k.getValue().size() : "") + " ("
                        + String.join(
                                ", ",
                                k.getValue().stream()
                                        .map(DescribedRegion::table)
                                        .collect(Collectors.toCollection(TreeSet::new)))
                        + ")")
                .collect(Collectors.joining(", "));
    }

    private static String table(LoadedTable t) {
        return code(t.signature())
                + (t.instance() > 1 ? " #" + t.instance() : "")
                + (t.checksumValid() ? "" : " (bad checksum)");
    }

    private static String device(NamespaceSurvey.DeviceInfo d) {
        String crs = d.crs() == null
                ? ""
                : d.crs().memoryRanges().stream()
                        .map(m -> code(InspectJson.hex(m.base())) + " (" + InspectJson.hex(m.length()) + " bytes)")
                        .collect(Collectors.joining(", ", ", `_CRS` memory ", ""));
        return code(d.path())
                + (d.hid() == null ? "" : " " + code(d.hid()))
                + (d.crs() == null || d.crs().memoryRanges().isEmpty() ? "" : crs);
    }

    private static String operationRegion(NamespaceSurvey.RegionInfo r) {
        String where = r.resolved()
                ? " at " + code(InspectJson.hex(r.base().getAsLong())) + " ("
                        + InspectJson.hex(r.length().getAsLong()) + " bytes)"
                : " (unresolved: " + text(r.unresolvedReason()) + ")";
        return code(r.path()) + " " + code(r.space().name()) + where + (r.touchedAtBoot() ? ", read at boot" : "");
    }

    private static String dma(DmaScenario s) {
        return code(s.device()) + " writes " + code(InspectJson.hex(s.address())) + " ("
                + code(s.targetKind().name()) + ")" + (s.beforeCpu() ? " before the CPU first touches it" : "");
    }
}
