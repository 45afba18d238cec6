package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every rule of every profile over every corpus platform (each folder holding binary tables): no rule may throw,
 * every finding names a catalogued rule, and the findings per rule are printed (each finding too for the platforms
 * whose path contains {@code -Dxenacpi.corpus.show=...}). Skipped when the corpus is absent.
 */
@Tag("corpus")
class ConformanceCorpusTest {

    @Test
    void everyRuleRunsOnEveryCorpusPlatform() throws IOException {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> platforms;
        try (Stream<Path> dirs = Files.walk(corpus)) {
            platforms = dirs.filter(Files::isDirectory)
                    .filter(ConformanceCorpusTest::holdsTables)
                    .sorted()
                    .toList();
        }
        Map<String, int[]> byRule = new TreeMap<>();
        int total = 0;
        for (Path dir : platforms) {
            List<Finding> findings = ConformanceCheck.run(load(dir), Profile.values());
            total += findings.size();
            Map<String, Integer> here = new TreeMap<>();
            for (Finding f : findings) {
                assertThat(RuleCatalog.byId(f.ruleId())).as(f.toString()).isPresent();
                here.merge(f.ruleId(), 1, Integer::sum);
            }
            here.forEach((id, n) -> {
                int[] c = byRule.computeIfAbsent(id, k -> new int[2]);
                c[0] += n;
                c[1]++;
            });
            System.out.printf("%s: %d findings %s%n", corpus.relativize(dir), findings.size(), here);
            if (dir.toString().contains(System.getProperty("xenacpi.corpus.show", "\0"))) {
                findings.forEach(f -> System.out.println("    " + f));
            }
        }
        System.out.printf(
                "conformance: %d platforms, %d findings, %d rules fired%n", platforms.size(), total, byRule.size());
        byRule.forEach((id, c) -> System.out.printf("  %-40s %5d findings on %2d platforms%n", id, c[0], c[1]));
        assertThat(platforms).isNotEmpty();
    }

    private static boolean holdsTables(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(ConformanceCorpusTest::isTable);
        } catch (IOException e) {
            return false;
        }
    }

    /** Binary tables are named {@code *.dat} (acpixtract) or {@code *.aml} (Windows and sysfs copies). */
    private static boolean isTable(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".dat") || name.endsWith(".aml"));
    }

    /** The binary tables of one folder, named by the signature inside each file, instances in file-name order. */
    static AcpiTables load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(ConformanceCorpusTest::isTable).sorted().toList();
        }
        List<RawTable> raws = new ArrayList<>();
        Map<String, Integer> instances = new HashMap<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String sig = bytes.length >= 4 ? new String(bytes, 0, 4, StandardCharsets.US_ASCII) : "????";
            if (sig.equals("RSD ")) {
                sig = "RSDP";
            }
            int instance = instances.merge(sig, 1, Integer::sum);
            raws.add(new RawTable(sig, instance, bytes, new TableOrigin(f, SourceFormat.TABLE_DIRECTORY, 0, 0, -1)));
        }
        return AcpiTables.load(new FirmwareImage(dir, SourceFormat.TABLE_DIRECTORY, raws, List.of()));
    }
}
