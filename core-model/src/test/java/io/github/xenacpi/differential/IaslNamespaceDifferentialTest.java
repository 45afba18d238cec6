package io.github.xenacpi.differential;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.aml.survey.NamespaceSurvey.RegionInfo;
import io.github.xenacpi.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our AML namespace against ACPICA's {@code iasl -d} (20200925 in CI): for every corpus machine, each DSDT and
 * SSDT is disassembled with the machine's other definition blocks as externals, and the Devices, Methods, Names
 * and OperationRegions the listings declare outside method bodies must add up to {@link NamespaceCounts} of our
 * load of the same tables. Every OperationRegion whose space, base and length iasl prints as constants must have
 * the same space, base and length in our survey. Where iasl crashes or refuses a table, the machine is skipped
 * with iasl's reason.
 */
@Tag("differential")
class IaslNamespaceDifferentialTest {

    private static final AtomicInteger MACHINES = new AtomicInteger();
    private static final AtomicInteger EQUAL = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static final AtomicInteger MISMATCHED = new AtomicInteger();
    private static final AtomicInteger REGIONS = new AtomicInteger();

    @TempDir
    Path temp;

    @BeforeAll
    static void needsIasl() {
        assumeTrue(IaslListing.available(), "iasl is not installed (apt-get install acpica-tools)");
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "namespace differential: %d machines compared with iasl, %d equal, %d mismatching, "
                        + "%d skipped (iasl crashed or refused); %d constant OperationRegions compared%n",
                MACHINES.get(), EQUAL.get(), MISMATCHED.get(), SKIPPED.get(), REGIONS.get());
    }

    @TestFactory
    Stream<DynamicTest> corpusNamespacesAgreeWithIasl() {
        var root = Corpus.root();
        if (root.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "corpus",
                    () -> abort("no corpus at " + Corpus.configured() + " (set -D" + Corpus.PROPERTY + "=...)")));
        }
        return Corpus.machines(root.get()).stream()
                .map(machine -> DynamicTest.dynamicTest(
                        Corpus.name(root.get(), machine), machine.toUri(), () -> compareMachine(machine)));
    }

    private void compareMachine(Path machine) throws Exception {
        List<RawTable> blocks = FirmwareSource.open(machine).tables().stream()
                .filter(t -> t.signature().equals("DSDT") || t.signature().equals("SSDT"))
                .toList();
        if (blocks.isEmpty()) {
            abort(machine + ": no DSDT or SSDT");
        }
        Path dir = Files.createTempDirectory(temp, "iasl");
        AslDeclarations.Result asl = AslDeclarations.Result.EMPTY;
        for (int i = 0; i < blocks.size(); i++) {
            List<RawTable> others = new ArrayList<>(blocks);
            RawTable target = others.remove(i);
            AmlDisassembly d = AmlDisassembly.of(target, others, dir);
            if (d.refusal().isPresent()) {
                SKIPPED.incrementAndGet();
                abort(machine + ": " + d.refusal().get());
            }
            asl = asl.plus(AslDeclarations.parse(d.asl()));
        }
        MACHINES.incrementAndGet();
        LoadedNamespace loaded = AmlLoader.load(blocks);
        NamespaceCounts ours = loaded.namespace().counts();
        List<String> mismatches = new ArrayList<>();
        compare(mismatches, "Devices", ours.devices(), asl.devices());
        compare(mismatches, "Methods", ours.methods(), asl.methods());
        compare(mismatches, "Names", ours.names(), asl.names());
        compare(mismatches, "OperationRegions", ours.operationRegions(), asl.operationRegions());
        compareRegions(mismatches, asl.regions(), NamespaceSurvey.of(loaded, blocks));
        if (!mismatches.isEmpty()) {
            MISMATCHED.incrementAndGet();
            fail(
                    "%s (%d definition blocks): %d difference(s) from iasl -d:%n  %s",
                    machine, blocks.size(), mismatches.size(), String.join(System.lineSeparator() + "  ", mismatches));
        }
        EQUAL.incrementAndGet();
        System.out.printf(
                "namespace differential: %s: %d Devices, %d Methods, %d Names, %d OperationRegions "
                        + "agree with iasl%n",
                machine.getFileName(), ours.devices(), ours.methods(), ours.names(), ours.operationRegions());
    }

    private static void compare(List<String> mismatches, String what, int ours, int iasl) {
        if (ours != iasl) {
            mismatches.add(String.format("%s: ours %d, iasl %d", what, ours, iasl));
        }
    }

    private static void compareRegions(
            List<String> mismatches, List<AslDeclarations.Region> listed, NamespaceSurvey survey) {
        Map<String, RegionInfo> byPath = new HashMap<>();
        for (RegionInfo r : survey.operationRegions()) {
            byPath.putIfAbsent(AslDeclarations.normalise(r.path()), r);
        }
        for (AslDeclarations.Region theirs : listed) {
            if (theirs.spaceId() < 0
                    || theirs.base().isEmpty()
                    || theirs.length().isEmpty()) {
                continue;
            }
            REGIONS.incrementAndGet();
            RegionInfo ours = byPath.get(theirs.path());
            String iasl = String.format(
                    "iasl space 0x%X base 0x%X length 0x%X",
                    theirs.spaceId(), theirs.base().getAsLong(), theirs.length().getAsLong());
            if (ours == null) {
                mismatches.add("OperationRegion " + theirs.path() + ": not in our survey; " + iasl);
            } else if (!ours.resolved()) {
                mismatches.add("OperationRegion " + theirs.path() + ": ours unresolved (" + ours.unresolvedReason()
                        + "); " + iasl);
            } else if (ours.spaceId() != theirs.spaceId()
                    || ours.base().getAsLong() != theirs.base().getAsLong()
                    || ours.length().getAsLong() != theirs.length().getAsLong()) {
                mismatches.add(String.format(
                        "OperationRegion %s: ours space 0x%X base 0x%X length 0x%X; %s",
                        ours.path(),
                        ours.spaceId(),
                        ours.base().getAsLong(),
                        ours.length().getAsLong(),
                        iasl));
            }
        }
    }
}
