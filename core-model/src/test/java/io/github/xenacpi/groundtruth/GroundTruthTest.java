package io.github.xenacpi.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the model to real Xen: every boot the ground-truth harness recorded ({@code groundtruth/run}, fixtures in
 * {@code src/test/resources/groundtruth/}) is replayed through the model and compared path by path: tables mapped
 * at build, pages and number of hypercalls, pages mapped on fault and the Linux function at the PC, and without the
 * lazy map Dom0's first abort. A difference passes only when {@code expected-differences.txt} lists it with its
 * reason, and a listed difference that no longer occurs fails, so the list stays true. The agreement table is
 * written to {@code target/groundtruth-agreement.md} (the site page quotes it).
 */
class GroundTruthTest {
    private static Path root;
    private static List<ExpectedDifference> expected;
    private static final Map<String, String> ROWS = new LinkedHashMap<>();
    private static final List<ExpectedDifference> USED = new ArrayList<>();

    /** One line of expected-differences.txt: {@code scenario run path key | reason}; {@code *} matches all. */
    record ExpectedDifference(String scenario, String run, String path, String key, String reason) {
        boolean matches(String sc, String r, ModelComparison.Difference d) {
            return (scenario.equals("*") || scenario.equals(sc))
                    && (run.equals("*") || run.equals(r))
                    && path.equals(d.path())
                    && (key.endsWith("*")
                            ? d.key().startsWith(key.substring(0, key.length() - 1))
                            : key.equals(d.key()));
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        root = Path.of(GroundTruthTest.class.getResource("/groundtruth").toURI());
        expected = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("expected-differences.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] halves = line.split("\\|", 2);
            String[] k = halves[0].trim().split("\\s+");
            assertThat(k)
                    .as("expected-differences.txt: scenario run path key | reason: %s", line)
                    .hasSize(4);
            assertThat(halves).as("a reason after | in: %s", line).hasSize(2);
            expected.add(new ExpectedDifference(k[0], k[1], k[2], k[3], halves[1].trim()));
        }
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(root, 2)) {
            return s
                    .filter(p -> p.getFileName().toString().matches("xen-[0-9.]+-(lazy|nolazy)\\.txt"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyScenarioHasItsTablesAndBothXenReleases() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertThat(d.resolve("tables.acpidump"))
                        .as("tables of %s", d.getFileName())
                        .exists();
                assertThat(d.resolve("xen-4.19-lazy.txt")).exists();
                assertThat(d.resolve("xen-4.22-lazy.txt")).exists();
            }
        }
    }

    /**
     * The tables of every own-firmware scenario ({@code own-<set>}) are the builder's, byte for byte: what Dom0
     * was given is what {@link GroundTruthFirmware} makes today.
     */
    @Test
    void ownFirmwareFixturesHoldTheBuildersTables() throws Exception {
        for (Map.Entry<String, Map<String, byte[]>> set :
                GroundTruthFirmware.sets().entrySet()) {
            Path dump = root.resolve("own-" + set.getKey()).resolve("tables.acpidump");
            if (!Files.exists(dump)) {
                continue;
            }
            List<byte[]> recorded = AcpiTables.load(FirmwareSource.open(dump)).all().stream()
                    .map(t -> t.raw().bytes())
                    .toList();
            for (Map.Entry<String, byte[]> table : set.getValue().entrySet()) {
                assertThat(recorded)
                        .as("%s of set %s in %s", table.getKey(), set.getKey(), dump)
                        .anySatisfy(b -> assertThat(b).isEqualTo(table.getValue()));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedBootAgreesWithTheModelOrListsWhyNot() throws IOException {
        return fixtures().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path fixture) throws Exception {
        RecordedBoot boot = RecordedBoot.read(fixture);
        String run = fixture.getFileName().toString().replace(".txt", "");
        String scenario = fixture.getParent().getFileName().toString();
        assertThat(boot.scenario()).isEqualTo(scenario);
        ModelComparison c = new ModelComparison(boot, fixture.getParent().resolve("tables.acpidump"));
        List<String> unexplained = new ArrayList<>();
        for (ModelComparison.Difference d : c.differences) {
            ExpectedDifference why = expected.stream()
                    .filter(e -> e.matches(scenario, run, d))
                    .findFirst()
                    .orElse(null);
            if (why == null) {
                unexplained.add(d.toString());
            } else {
                synchronized (USED) {
                    USED.add(why);
                }
            }
        }
        ROWS.put(scenario + " " + run, row(scenario, boot, c));
        assertThat(unexplained)
                .as(
                        "differences between the model (Xen %s, Linux %s) and the boot of %s %s that"
                                + " expected-differences.txt does not explain",
                        c.modelXen(), ModelComparison.LINUX, scenario, run)
                .isEmpty();
    }

    private static String row(String scenario, RecordedBoot boot, ModelComparison c) {
        StringBuilder b = new StringBuilder("| ")
                .append(scenario)
                .append(" | ")
                .append(boot.xen())
                .append(" | ")
                .append(boot.lazy() ? "on" : "refused")
                .append(" | ")
                .append(c.modelXen())
                .append(" | ");
        for (String path : List.of("build", "hypercall", "fault")) {
            ModelComparison.Agreement a = c.agreement.get(path);
            b.append(
                            a == null
                                    ? "-"
                                    : a.both() + "/" + (a.both() + a.bootOnly())
                                            + (a.modelOnly() > 0 ? " (+" + a.modelOnly() + ")" : ""))
                    .append(" | ");
        }
        b.append(c.hypercallCounts[1])
                .append(c.hypercallCounts[0] == c.hypercallCounts[1] ? " = " : " vs ")
                .append(c.hypercallCounts[0])
                .append(" | ");
        ModelComparison.Agreement f = c.agreement.get(boot.lazy() ? "fault-function" : "first-abort");
        b.append(f == null ? "-" : f.both() + "/" + (f.both() + f.bootOnly())).append(" |");
        return b.toString();
    }

    @Test
    void noListedDifferenceIsStale() throws Exception {
        for (Path f : fixtures().toList()) {
            RecordedBoot boot = RecordedBoot.read(f);
            String run = f.getFileName().toString().replace(".txt", "");
            String scenario = f.getParent().getFileName().toString();
            ModelComparison c = new ModelComparison(boot, f.getParent().resolve("tables.acpidump"));
            for (ModelComparison.Difference d : c.differences) {
                expected.stream()
                        .filter(e -> e.matches(scenario, run, d))
                        .findFirst()
                        .ifPresent(USED::add);
            }
        }
        List<ExpectedDifference> stale =
                expected.stream().filter(e -> !USED.contains(e)).toList();
        assertThat(stale)
                .as("expected-differences.txt lines that match no difference any more")
                .isEmpty();
    }

    @AfterAll
    static void writeAgreement() throws IOException {
        Path out = Path.of("target", "groundtruth-agreement.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("| scenario | Xen | lazy map | model Xen | build pages | hypercall pages | fault pages"
                + " | hypercalls (boot = model) | functions |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        ROWS.keySet().stream().sorted().forEach(k -> lines.add(ROWS.get(k)));
        Files.write(out, lines);
    }
}
