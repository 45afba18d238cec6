package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a goal asks the façade for in one call: no firmware, the site report, the baseline, inspect's platform. */
class GoalEntryPointsTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private static ValidationParameters firmware(String... entries) {
        return ValidationParameters.builder().firmware(List.of(entries)).build();
    }

    @Test
    void missingFirmwareOutsideAProjectAsksToNameIt() {
        assertThat(MissingFirmware.of(true, false)).isEqualTo(MissingFirmware.NAME_IT);
        assertThatThrownBy(() -> MissingFirmware.NAME_IT.handle(temp, new RecordingLog()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("no firmware to validate: outside a project, name it with xenacpi.firmware, such as"
                        + " -Dxenacpi.firmware=acpidump.txt (a file or folder, relative to " + temp + ") or"
                        + " -Dxenacpi.firmware=preset:all for the bundled demo platforms");
    }

    @Test
    void missingFirmwareInAProjectFailsOrIsLoggedAsFailIfNoFirmwareSays() throws Exception {
        String where = temp.resolve(Firmware.PROJECT_FOLDER).toString();
        assertThat(MissingFirmware.of(false, true)).isEqualTo(MissingFirmware.FAIL);
        assertThatThrownBy(() -> MissingFirmware.FAIL.handle(temp, new RecordingLog()))
                .hasMessage("no firmware to validate: " + where + " holds no platform; put acpidump files or table"
                        + " folders there, set xenacpi.firmware (a path or preset:ID), or set"
                        + " xenacpi.failIfNoFirmware=false");

        RecordingLog log = new RecordingLog();
        MissingFirmware.of(false, false).handle(temp, log);
        assertThat(log.lines())
                .containsExactly("INFO: xenacpi: no firmware to validate at " + where + "; nothing done");
    }

    @Test
    void validateWithoutFirmwareRunsNothingAndSaysSo() throws Exception {
        ForkedValidation.Job job = new ForkedValidation.Job(
                firmware(),
                new GateParameters("error", "any", List.of()),
                ViolationPolicy.FAIL,
                List.of(),
                temp.resolve("report"),
                temp,
                TIME);
        RecordingLog log = new RecordingLog();

        Optional<String> failure = ForkedValidation.validate(
                job,
                Optional.empty(),
                Optional.empty(),
                Optional.of(PlatformCheck.Provider.NONE),
                MissingFirmware.LOG,
                log);

        assertThat(failure).isEmpty();
        assertThat(log.lines()).last().asString().contains("no firmware to validate at");
        assertThat(temp.resolve("report")).doesNotExist();
    }

    @Test
    void aForkedJvmTakesTheGoalsTexts() {
        ForkedValidation.Jvm jvm = ForkedValidation.Jvm.of(List.of(Path.of("a.jar")), " -Xmx1g  -Xss1m ", " ");
        assertThat(jvm.java()).isEqualTo(ForkedValidation.Jvm.currentJava());
        assertThat(jvm.flags()).containsExactly("-Xmx1g", "-Xss1m");
        assertThat(jvm.classDataFolder()).isEmpty();
        assertThat(ForkedValidation.Jvm.of(List.of(), null, " /cds ").classDataFolder())
                .contains(Path.of("/cds"));
    }

    @Test
    void theSiteReportWritesEveryFormatAndNeedsFirmware() throws Exception {
        ValidationRun.Outcome outcome =
                ValidationRun.report(firmware("preset:qemu-virt"), temp, temp.resolve("site"), TIME, RunLog.SILENT);

        assertThat(outcome.written()).hasSize(ReportFormat.values().length);
        assertThatThrownBy(() -> ValidationRun.report(firmware(), temp, temp.resolve("none"), TIME, RunLog.SILENT))
                .hasMessage("no firmware to report on: " + temp.resolve(Firmware.PROJECT_FOLDER)
                        + " holds no platform; set xenacpi.firmware (a path or preset:ID) or xenacpi.skip");
    }

    @Test
    void theBaselineGoalWritesTheFileAndSaysWhere() throws Exception {
        RecordingLog log = new RecordingLog();
        ValidationParameters parameters = ValidationParameters.builder()
                .firmware(List.of("preset:hostile"))
                .baseline("b.json")
                .build();

        Baseline baseline = Baseline.writeFor(parameters, temp, log);

        assertThat(Baseline.read(temp.resolve("b.json"))).isEqualTo(baseline);
        assertThat(log.lines()).contains("INFO: xenacpi: " + baseline.writtenNote(1, temp.resolve("b.json")));
        assertThatThrownBy(() -> Baseline.writeFor(firmware(), temp, log))
                .hasMessage("no firmware to baseline: set xenacpi.firmware (a path or preset:ID) or put platforms"
                        + " below " + temp.resolve(Firmware.PROJECT_FOLDER));
    }

    @Test
    void inspectShowsTheDefaultPresetWhenNothingIsNamedAndRefusesTwoPlatforms() throws Exception {
        RecordingLog log = new RecordingLog();

        assertThat(Inspection.source(null, " ", temp, log).name()).isEqualTo(Firmware.DEFAULT_PRESET);
        assertThat(log.lines()).singleElement().asString().startsWith("INFO: xenacpi: neither xenacpi.inspect.path");
        assertThat(Inspection.source("preset:hostile", "preset:hostile", temp, log)
                        .name())
                .isEqualTo("hostile");
        assertThatThrownBy(() -> Inspection.source("preset:hostile", "preset:qemu-virt", temp, log))
                .hasMessage("both xenacpi.inspect.path (preset:hostile) and xenacpi.firmware (preset:qemu-virt) are"
                        + " set; inspect names one platform, set one of them");
    }

    @Test
    void inspectShowsTheTextThenTheJsonLine() throws Exception {
        RecordingLog log = new RecordingLog();
        Path json = temp.resolve("inspect.json");

        Inspection.of(Firmware.defaultPreset(), Overrides.NONE).show(json, log);

        assertThat(Files.exists(json)).isTrue();
        assertThat(log.lines()).last().isEqualTo("INFO: " + Inspection.jsonWritten(json.toAbsolutePath()));
    }

    @Test
    void anInternalErrorIsOneLineSayingWhatWasBeingDone() {
        assertThat(ValidationException.internalError("validating board", new IllegalStateException("boom")))
                .isEqualTo("internal error while validating board (boom); please report it with the firmware");
    }

    @Test
    void anInternalErrorWithoutMessageSaysWhatKindOfFailureItWas() {
        assertThat(ValidationException.internalError("inspecting", new NullPointerException()))
                .isEqualTo("internal error while inspecting (an unexpected NullPointerException); please report it"
                        + " with the firmware");
        assertThat(ValidationException.internalError("inspecting", new StackOverflowError()))
                .contains("(nesting too deep)");
        assertThat(ValidationException.internalError("inspecting", new OutOfMemoryError()))
                .contains("(out of memory)");
    }
}
