package io.github.xenacpi.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Loads and surveys the DSDT and SSDTs of every corpus platform (the files of one folder) and prints, per platform,
 * devices, enumerated devices, _CRS memory ranges, OperationRegions resolved and unresolved, boot accesses and budget
 * hits. Runs in the corpus profile; skipped when the corpus is absent.
 */
@Tag("corpus")
class NamespaceSurveyCorpusTest {

    @Test
    void everyPlatformSurveysWithoutAnUnexpectedException() throws IOException {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        Map<Path, List<Path>> platforms = new TreeMap<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.startsWith("dsdt") || name.startsWith("ssdt");
            }).sorted().forEach(p -> platforms.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        }
        int[] totals = new int[9];
        Map<String, Integer> findings = new TreeMap<>();
        System.out.printf("%-45s %5s %5s %5s %5s %5s %5s %5s %6s %5s%n", "platform", "dev", "enum", "mem", "oprR",
                "oprU", "boot", "budg", "ms", "find");
        for (Map.Entry<Path, List<Path>> e : platforms.entrySet()) {
            List<RawTable> raws = new ArrayList<>();
            int ssdt = 0;
            for (Path p : e.getValue()) {
                byte[] bytes = Files.readAllBytes(p);
                boolean dsdt = p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("dsdt");
                raws.add(new RawTable(dsdt ? "DSDT" : "SSDT", dsdt ? 1 : ++ssdt, bytes,
                        new TableOrigin(p, SourceFormat.TABLE_DIRECTORY, 0, 0, -1)));
            }
            long start = System.nanoTime();
            LoadedNamespace loaded = AmlLoader.load(raws);
            NamespaceSurvey s = NamespaceSurvey.of(loaded, raws);
            long ms = (System.nanoTime() - start) / 1_000_000;
            int memory = s.deviceResources().size();
            long resolved = s.operationRegions().stream().filter(NamespaceSurvey.RegionInfo::resolved).count();
            int[] row = {s.devices().size(), s.enumeratedDevices().size(), memory, (int) resolved,
                s.operationRegions().size() - (int) resolved, s.bootAccesses().size(), s.budgetHits(), (int) ms,
                s.diagnostics().size()};
            s.diagnostics().forEach(d -> findings.merge(d.message().replaceAll("\\\\[A-Z0-9_.^\\\\]*", "<path>")
                    .replaceAll("0x[0-9A-F]+", "<n>"), 1, Integer::sum));
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
            System.out.printf("%-45s %5d %5d %5d %5d %5d %5d %5d %6d %5d%n", corpus.relativize(e.getKey()), row[0],
                    row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]);
            assertThat(s.devices()).isNotEmpty();
        }
        System.out.printf("%-45s %5d %5d %5d %5d %5d %5d %5d %6d %5d%n", "TOTAL (" + platforms.size()
                + " platforms)", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7],
                totals[8]);
        findings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(f -> System.out.printf("%6d  %s%n", f.getValue(), f.getKey()));
    }
}
