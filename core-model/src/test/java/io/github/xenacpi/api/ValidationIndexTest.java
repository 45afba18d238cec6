package io.github.xenacpi.api;

import static io.github.xenacpi.api.ForkedValidationTest.TIME;
import static io.github.xenacpi.api.ForkedValidationTest.jvm;
import static io.github.xenacpi.api.ForkedValidationTest.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked validation whose inputs and report are unchanged since the last one is not run again: its log and its
 * decision are repeated. Anything it reads that changes (the firmware's content, a setting, the baseline) or a report
 * file touched since makes the goal validate again. A JVM that cannot start tells the two apart: a run that forks
 * fails with it, a repeated run never starts one.
 */
class ValidationIndexTest {

    @TempDir
    Path folder;

    Path index;
    Path report;

    @BeforeEach
    void firmware() throws IOException {
        index = folder.resolve("target/xenacpi-index");
        report = folder.resolve("target/xenacpi");
        write(Preset.QEMU_VIRT);
    }

    void write(Preset preset) throws IOException {
        Files.writeString(
                folder.resolve("board.txt"),
                AcpidumpTextWriter.write(preset.image().tables()));
    }

    ForkedValidation.Job job(String failOn) {
        return new ForkedValidation.Job(
                parameters("board.txt"),
                new GateParameters(failOn, "any", List.of()),
                ViolationPolicy.WARN,
                List.of("json", "junit"),
                report,
                folder,
                TIME);
    }

    static ForkedValidation.Jvm cannotStart() {
        return new ForkedValidation.Jvm(
                ForkedValidation.Jvm.currentJava(),
                jvm().classPath(),
                List.of("-XX:+NoSuchFlagOfAnyJvm"),
                Optional.empty());
    }

    ForkedValidation.Outcome run(ForkedValidation.Job job, ForkedValidation.Jvm jvm, List<String> log)
            throws ValidationException {
        ForkedValidationTest.Lines lines = new ForkedValidationTest.Lines();
        try {
            return ForkedValidation.run(job, jvm, Optional.of(index), lines);
        } finally {
            log.addAll(lines.lines);
        }
    }

    void validatesAgain(ForkedValidation.Job job) {
        assertThatThrownBy(() -> run(job, cannotStart(), new ArrayList<>()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("without a report");
    }

    @Test
    void anUnchangedRunRepeatsItsLogAndDecisionWithoutAJvm() throws Exception {
        List<String> first = new ArrayList<>();
        ForkedValidation.Outcome outcome = run(job("info"), jvm(), first);
        assertThat(outcome).isInstanceOf(ForkedValidation.Outcome.Validated.class);
        String json = Files.readString(report.resolve("report.json"));

        List<String> again = new ArrayList<>();
        assertThat(run(job("info"), cannotStart(), again)).isEqualTo(outcome);
        assertThat(again.get(0))
                .startsWith("INFO xenacpi: firmware, settings and plugin unchanged")
                .contains(report.toString())
                .contains("-Dxenacpi.incremental=false");
        assertThat(again.subList(1, again.size())).isEqualTo(first);
        assertThat(Files.readString(report.resolve("report.json"))).isEqualTo(json);
    }

    @Test
    void aFailingGateFailsAgain() throws Exception {
        ForkedValidation.Job job = new ForkedValidation.Job(
                parameters("board.txt"),
                new GateParameters("info", "any", List.of()),
                ViolationPolicy.FAIL,
                List.of("json"),
                report,
                folder,
                TIME);
        ForkedValidation.Outcome outcome = run(job, jvm(), new ArrayList<>());
        assertThat(((ForkedValidation.Outcome.Validated) outcome).failure()).isPresent();
        assertThat(run(job, cannotStart(), new ArrayList<>())).isEqualTo(outcome);
    }

    @Test
    void changedFirmwareIsValidatedAgain() throws Exception {
        run(job("info"), jvm(), new ArrayList<>());
        write(Preset.HOSTILE);
        validatesAgain(job("info"));
    }

    @Test
    void aChangedSettingOrBaselineIsValidatedAgain() throws Exception {
        run(job("info"), jvm(), new ArrayList<>());
        validatesAgain(job("warning"));
        // The failed start above forgot the run: validate once more, then change the baseline.
        run(job("info"), jvm(), new ArrayList<>());
        Files.writeString(folder.resolve(Baseline.DEFAULT_FILE), "{}");
        validatesAgain(job("info"));
    }

    @Test
    void aReportFileTouchedOrDeletedIsWrittenAgain() throws Exception {
        run(job("info"), jvm(), new ArrayList<>());
        Files.delete(report.resolve("junit.xml"));
        validatesAgain(job("info"));
        run(job("info"), jvm(), new ArrayList<>());
        Files.writeString(report.resolve("report.json"), "{}");
        validatesAgain(job("info"));
    }

    @Test
    void withoutAnIndexEveryRunForks() throws Exception {
        run(job("info"), jvm(), new ArrayList<>());
        assertThatThrownBy(() -> ForkedValidation.run(
                        job("info"), cannotStart(), Optional.empty(), new ForkedValidationTest.Lines()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("without a report");
    }
}
