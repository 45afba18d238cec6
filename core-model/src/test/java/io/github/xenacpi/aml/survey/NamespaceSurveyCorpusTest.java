package io.github.xenacpi.aml.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.parse.AmlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Loads and surveys the DSDT and SSDTs (found by their header signature) of every corpus platform (the files of
 * one folder) and prints, per platform, devices, enumerated devices, _CRS memory ranges, OperationRegions resolved
 * and unresolved, boot accesses, budget hits, time, findings, regions touched at boot and boot accesses to regions
 * whose base is unresolved, then the most frequent findings. Runs in the corpus profile; skipped when the corpus is
 * absent.
 */
@Tag("corpus")
class NamespaceSurveyCorpusTest {

    @Test
    void everyPlatformSurveysWithoutAnUnexpectedException() throws IOException {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        Map<Path, List<RawTable>> platforms = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            String signature = bytes.length >= 36 ? new String(bytes, 0, 4, StandardCharsets.ISO_8859_1) : "";
            if (signature.equals("DSDT") || signature.equals("SSDT")) {
                List<RawTable> raws = platforms.computeIfAbsent(p.getParent(), k -> new ArrayList<>());
                int instance = 1
                        + (int) raws.stream()
                                .filter(r -> r.signature().equals(signature))
                                .count();
                raws.add(new RawTable(
                        signature, instance, bytes, new TableOrigin(p, SourceFormat.TABLE_DIRECTORY, 0, 0, -1)));
            }
        }
        int[] totals = new int[11];
        Map<String, Integer> findings = new TreeMap<>();
        System.out.printf(
                "%-45s %5s %5s %5s %5s %5s %5s %5s %6s %5s %5s %5s%n",
                "platform", "dev", "enum", "mem", "oprR", "oprU", "boot", "budg", "ms", "find", "tch", "bootU");
        for (Map.Entry<Path, List<RawTable>> e : platforms.entrySet()) {
            List<RawTable> raws = e.getValue();
            long start = System.nanoTime();
            LoadedNamespace loaded = AmlLoader.load(raws);
            NamespaceSurvey s = NamespaceSurvey.of(loaded, raws);
            long ms = (System.nanoTime() - start) / 1_000_000;
            int memory = s.deviceResources().size();
            long resolved = s.operationRegions().stream()
                    .filter(NamespaceSurvey.RegionInfo::resolved)
                    .count();
            int[] row = {
                s.devices().size(),
                s.enumeratedDevices().size(),
                memory,
                (int) resolved,
                s.operationRegions().size() - (int) resolved,
                s.bootAccesses().size(),
                s.budgetHits(),
                (int) ms,
                s.diagnostics().size(),
                (int) s.operationRegions().stream()
                        .filter(NamespaceSurvey.RegionInfo::touchedAtBoot)
                        .count(),
                (int) s.bootAccesses().stream().filter(a -> !a.baseResolved()).count()
            };
            s.diagnostics()
                    .forEach(d -> findings.merge(
                            d.message()
                                    .replaceAll("\\\\[A-Z0-9_.^\\\\]*", "<path>")
                                    .replaceAll("0x[0-9A-F]+", "<n>"),
                            1,
                            Integer::sum));
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
            System.out.printf(
                    "%-45s %5d %5d %5d %5d %5d %5d %5d %6d %5d %5d %5d%n",
                    corpus.relativize(e.getKey()),
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    row[5],
                    row[6],
                    row[7],
                    row[8],
                    row[9],
                    row[10]);
            assertThat(s.devices()).isNotEmpty();
            assertThat(s.diagnostics())
                    .as(e.getKey().toString())
                    .noneMatch(d -> d.message().contains("internal error"));
        }
        System.out.printf(
                "%-45s %5d %5d %5d %5d %5d %5d %5d %6d %5d %5d %5d%n",
                "TOTAL (" + platforms.size() + " platforms)",
                totals[0],
                totals[1],
                totals[2],
                totals[3],
                totals[4],
                totals[5],
                totals[6],
                totals[7],
                totals[8],
                totals[9],
                totals[10]);
        findings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(25)
                .forEach(f -> System.out.printf("%6d  %s%n", f.getValue(), f.getKey()));
    }
}
