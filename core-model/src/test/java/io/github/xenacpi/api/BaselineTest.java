package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting the tool gradually: a baseline of known findings, and suppressions with a reason. */
class BaselineTest {

    @TempDir
    Path temp;

    private static final Gate ERRORS = new Gate(new Threshold(Severity.ERROR), StrategyRequirement.NONE);

    @Test
    void baselinedFindingsAreKnownAndOnlyNewOnesFailTheBuild() throws Exception {
        Path file = temp.resolve("xenacpi-baseline.json");
        Baseline.of(validate(Preset.SERVER_RAS)).write(file);
        Baseline read = Baseline.read(file);
        Gate gate = new Gate(ERRORS.threshold(), ERRORS.requirement(), read, List.of());

        Gate.Decision same = gate.decide(validate(Preset.SERVER_RAS));
        Gate.Decision more = gate.decide(validate(Preset.SERVER_RAS, Preset.HOSTILE));

        assertThat(ERRORS.decide(validate(Preset.SERVER_RAS)).fails()).isTrue();
        assertThat(same.fails()).isFalse();
        assertThat(same.known()).isNotEmpty();
        assertThat(same.notes())
                .anySatisfy(n -> assertThat(n).contains("known finding").contains("baseline"));
        assertThat(more.fails()).isTrue();
        assertThat(more.firmware())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.platform()).isEqualTo("hostile"));
        assertThat(Files.readString(file))
                .contains("\"schema\" : \"xenacpi-baseline/1\"")
                .contains("SBBR.TABLE.DBG2.REQUIRED");
    }

    @Test
    void aFindingsIdDoesNotDependOnWhereTheFirmwareLies() throws Exception {
        String dump = AcpidumpTextWriter.write(Preset.HOSTILE.image().tables());
        Path a = Files.writeString(Files.createDirectories(temp.resolve("a")).resolve("board.txt"), dump);
        Path b = Files.writeString(
                Files.createDirectories(temp.resolve("elsewhere/b")).resolve("board.txt"), dump);

        Baseline fromA = Baseline.of(validate(PlatformSource.at(a)));
        Baseline fromB = Baseline.of(validate(PlatformSource.at(b)));

        assertThat(fromA.findings()).isNotEmpty();
        assertThat(fromA.ids()).isEqualTo(fromB.ids());
        assertThat(fromA.findings()).allSatisfy(e -> assertThat(e.message()).doesNotContain(temp.toString()));
        assertThat(FindingId.withoutFolders("cannot read /home/me/fw/dsdt.dat: truncated"))
                .isEqualTo("cannot read dsdt.dat: truncated");
    }

    @Test
    void aSuppressionNeedsAReasonAndSaysItWhenItMatches() throws Exception {
        assertThatThrownBy(() -> Suppression.of("SBBR.TABLE.DBG2.REQUIRED", "", "", "", " "))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("<reason>")
                .hasMessageContaining("SBBR.TABLE.DBG2.REQUIRED");
        assertThatThrownBy(() -> Suppression.of("", "", "", "", "why")).hasMessageContaining("<rule>");
        ConformanceReport report = validate(Preset.SERVER_RAS);
        List<Suppression> all = ERRORS.threshold().hits(report).stream()
                .map(h -> h.finding().ruleId())
                .distinct()
                .map(r -> new Suppression(r, "server-ras", "", "", "the vendor fixes it in 2.0"))
                .toList();
        Suppression unused = new Suppression("MCFG.NO_SUCH_RULE", "", "", "", "kept by mistake");
        List<Suppression> suppressions = new java.util.ArrayList<>(all);
        suppressions.add(unused);

        Gate.Decision d =
                new Gate(ERRORS.threshold(), ERRORS.requirement(), Baseline.EMPTY, suppressions).decide(report);

        assertThat(d.fails()).isFalse();
        assertThat(d.suppressed()).isNotEmpty();
        assertThat(d.notes())
                .anySatisfy(n -> assertThat(n).contains("suppressed").contains("the vendor fixes it"));
        assertThat(d.unused()).containsExactly(unused);
        assertThat(d.notes())
                .anySatisfy(n -> assertThat(n).contains("MCFG.NO_SUCH_RULE").contains("matches no"));
    }

    @Test
    void aSuppressionOfOneFindingByIdLeavesTheOthers() throws Exception {
        ConformanceReport report = validate(Preset.HOSTILE);
        List<Threshold.Hit> hits = ERRORS.threshold().hits(report);
        Threshold.Hit first = hits.get(0);
        Suppression one = Suppression.of(
                first.finding().ruleId(),
                "",
                "",
                FindingId.of(first.platform(), first.finding()),
                "accepted for release 1.0");

        Gate.Decision d =
                new Gate(ERRORS.threshold(), ERRORS.requirement(), Baseline.EMPTY, List.of(one)).decide(report);

        assertThat(d.suppressed()).hasSize(1);
        assertThat(d.firmware()).hasSize(hits.size() - 1);
    }

    @Test
    void aSuppressionIsCheckedOnlyWhenAskedSoAGoalNamesItsParametersInOrder() throws Exception {
        Suppression noReason = new Suppression(" MCFG.LENGTH ", null, "", " ", null);

        assertThat(noReason).isEqualTo(new Suppression("MCFG.LENGTH", "", "", "", ""));
        assertThatThrownBy(noReason::checked)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the suppression of MCFG.LENGTH has no <reason>");
        Suppression complete = new Suppression("MCFG.LENGTH", "board", "", "", "fixed in 2.0");
        assertThat(complete.checked()).isSameAs(complete);
    }

    @Test
    void aMissingBaselineFileIsAnEmptyBaseline() throws Exception {
        Path file = temp.resolve("none/xenacpi-baseline.json");

        assertThat(Baseline.readOrEmpty(file)).isSameAs(Baseline.EMPTY);
        Baseline.of(validate(Preset.HOSTILE)).write(file);
        assertThat(Baseline.readOrEmpty(file)).isEqualTo(Baseline.read(file));
    }

    @Test
    void theBaselineOfAValidationHoldsItsFirmwareFindingsAndSaysWhereItWent() throws Exception {
        Validation validation = new Validation(Validation.strategies(List.of("stage2-fault")), Overrides.NONE, 1);

        Baseline baseline = Baseline.of(validation, List.of(PlatformSource.of(Preset.SERVER_RAS)));

        assertThat(baseline).isEqualTo(Baseline.of(validate(Preset.SERVER_RAS)));
        assertThat(baseline.writtenNote(1, Path.of("b.json")))
                .isEqualTo("baseline of "
                        + baseline.findings().size()
                        + " firmware findings on 1 platform written to b.json; validate now"
                        + " fails only on new findings");
        assertThat(Baseline.EMPTY.writtenNote(2, Path.of("b.json")))
                .startsWith("baseline of 0 firmware findings on" + " 2 platforms written");
    }

    @Test
    void aBrokenBaselineNamesThePropertyAndTheFile() throws Exception {
        Path file = Files.writeString(temp.resolve("b.json"), "{\"schema\":\"other/1\",\"findings\":[]}");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.baseline")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("xenacpi:baseline");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> Baseline.read(file))
                .hasMessageContaining("xenacpi.baseline")
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("Jackson");
        Files.writeString(file, "null");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("holds JSON null, not a baseline");
        Files.writeString(file, "{\"schema\":\"" + Baseline.SCHEMA + "\",\"findings\":[]} trailing");
        assertThatThrownBy(() -> Baseline.read(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is not a baseline");
    }

    private static ConformanceReport validate(Preset... presets) throws Exception {
        return validate(java.util.Arrays.stream(presets).map(PlatformSource::of).toArray(PlatformSource[]::new));
    }

    private static ConformanceReport validate(PlatformSource... sources) throws Exception {
        return Validation.report(
                new Validation(Validation.strategies(List.of("stage2-fault")), Overrides.NONE, 1).run(List.of(sources)),
                List.of(),
                Map.of(),
                Instant.EPOCH);
    }
}
