package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.StrategyReport;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared parameters of the validating goals, read as the goals read them. */
class ValidationParametersTest {

    @TempDir
    Path temp;

    private static final ValidationParameters UNSET =
            new ValidationParameters(null, null, null, null, null, null, null, false, null);

    private static ValidationParameters firmware(String... entries) {
        return new ValidationParameters(Arrays.asList(entries), null, null, null, null, null, null, false, null);
    }

    @Test
    void unsetParametersMeanEveryStrategyNoOverrideNoGridNoTraceAndTheDefaultBaseline() throws Exception {
        assertThat(UNSET.namesFirmware()).isFalse();
        assertThat(UNSET.chosenStrategies()).isEqualTo(MappingStrategy.all());
        assertThat(UNSET.overrides()).isEqualTo(Overrides.NONE);
        assertThat(UNSET.grid()).isEqualTo(VersionAxes.NONE);
        assertThat(UNSET.reportOptions().trace()).isFalse();
        assertThat(UNSET.baselineFile(temp)).isEqualTo(temp.resolve(Baseline.DEFAULT_FILE));
    }

    @Test
    void blankAndNullEntriesNameNoFirmware() {
        assertThat(firmware(null, " ", "").namesFirmware()).isFalse();
        assertThat(firmware(null, "preset:hostile").namesFirmware()).isTrue();
    }

    @Test
    void eachParameterIsReadIntoTheCoresInput() throws Exception {
        ValidationParameters p = new ValidationParameters(
                List.of(),
                List.of("stage2-fault,bus-notify"),
                "4.17",
                " 6.6 ",
                "shared",
                "4.17,4.22",
                "",
                true,
                " baselines/fw.json ");

        assertThat(p.chosenStrategies()).extracting(MappingStrategy::id).containsExactly("bus-notify", "stage2-fault");
        assertThat(p.overrides()).isEqualTo(Overrides.parse("4.17", "6.6", "shared"));
        assertThat(p.grid().xen()).containsExactly(XenVersion.parse("4.17"), XenVersion.parse("4.22"));
        assertThat(p.grid().linux()).isEmpty();
        assertThat(p.reportOptions().trace()).isTrue();
        assertThat(p.baselineFile(temp)).isEqualTo(temp.resolve("baselines/fw.json"));
    }

    @Test
    void anUnreadableParameterIsNamed() {
        ValidationParameters badXen = new ValidationParameters(null, null, "4.x", null, null, null, null, false, null);
        ValidationParameters badStrategy =
                new ValidationParameters(null, List.of("wishful"), null, null, null, null, null, false, null);

        assertThatThrownBy(badXen::overrides)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersion: ");
        assertThatThrownBy(badStrategy::chosenStrategies)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.strategies: ");
    }

    @Test
    void theSiteInheritsWhatItDoesNotSetButKeepsItsTraceAndBaseline() {
        ValidationParameters site =
                new ValidationParameters(List.of(" "), null, "4.19", "", null, null, null, true, "site-baseline.json");
        ValidationParameters validate = new ValidationParameters(
                List.of("preset:hostile"),
                List.of("bus-notify"),
                "4.17",
                "6.6",
                "shared",
                "4.22",
                "6.1",
                false,
                "other.json");

        ValidationParameters inherited = site.inheriting(validate);

        assertThat(inherited)
                .isEqualTo(new ValidationParameters(
                        List.of("preset:hostile"),
                        List.of("bus-notify"),
                        "4.19",
                        "6.6",
                        "shared",
                        "4.22",
                        "6.1",
                        true,
                        "site-baseline.json"));
        assertThat(validate.inheriting(UNSET)).isEqualTo(validate);
        assertThat(UNSET.inheriting(UNSET)).isEqualTo(UNSET);
    }

    @Test
    void withoutFirmwareTheProjectFolderIsReadAndItsSkippedEntriesAreWarned() throws Exception {
        RecordingLog log = new RecordingLog();
        assertThat(UNSET.platforms(temp, log)).isEmpty();

        Path folder = Files.createDirectories(temp.resolve(Firmware.PROJECT_FOLDER));
        Files.writeString(
                folder.resolve("board.txt"),
                AcpidumpTextWriter.write(Preset.QEMU_VIRT.image().tables()));
        Files.writeString(folder.resolve("README.md"), "notes");

        assertThat(UNSET.platforms(temp, log)).extracting(PlatformSource::name).containsExactly("board.txt");
        assertThat(log.lines())
                .singleElement()
                .asString()
                .startsWith("WARN: xenacpi: skipped ")
                .contains("README.md");
    }

    @Test
    void namedFirmwareIsLocatedFromTheBaseFolder() throws Exception {
        RecordingLog log = new RecordingLog();

        assertThat(firmware("preset:hostile", "preset:qemu-virt").platforms(temp, log))
                .extracting(PlatformSource::name)
                .containsExactly("hostile", "qemu-virt");
        assertThatThrownBy(() -> firmware("missing").platforms(temp, log))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(temp.resolve("missing").toString());
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void theSettingsHoldTheReadParametersAndTheFrontEndsCheck() throws Exception {
        ValidationParameters p =
                new ValidationParameters(null, List.of("stage2-fault"), "4.17", null, null, "4.22", null, true, null);
        List<PlatformSource> platforms = List.of(PlatformSource.of(Preset.QEMU_VIRT));

        ValidationSettings settings =
                p.settings(platforms, List.of("json", "sarif"), temp.resolve("out"), PlatformCheck.Provider.NONE, temp);

        assertThat(settings.platforms()).isEqualTo(platforms);
        assertThat(settings.strategies()).extracting(MappingStrategy::id).containsExactly("stage2-fault");
        assertThat(settings.overrides()).isEqualTo(Overrides.parse("4.17", null, null));
        assertThat(settings.formats()).isEqualTo(EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF));
        assertThat(settings.reportDirectory()).isEqualTo(temp.resolve("out"));
        assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.check()).isEmpty();
        assertThat(settings.grid()).isEqualTo(VersionAxes.parse("4.22", null));
        assertThat(settings.report().trace()).isTrue();
        assertThat(settings.sourceRoot()).isEqualTo(temp);
        assertThat(p.settings(platforms, List.of(), temp, PlatformCheck.Provider.NONE, temp)
                        .formats())
                .isEqualTo(EnumSet.allOf(ReportFormat.class));
    }

    @Test
    void theSettingsReadTheParametersInOrderAndMakeTheCheckAfterTheFormats() {
        List<String> made = new ArrayList<>();
        PlatformCheck.Provider check = () -> {
            made.add("check");
            return Optional.empty();
        };
        ValidationParameters badXenAndGrid =
                new ValidationParameters(null, null, "4.x", null, null, "nope", null, false, null);
        ValidationParameters badGrid =
                new ValidationParameters(null, null, null, null, null, "nope", null, false, null);

        assertThatThrownBy(() -> badXenAndGrid.settings(List.of(), List.of("pdf"), temp, check, temp))
                .hasMessageStartingWith("xenacpi.xenVersion: ");
        assertThatThrownBy(() -> badGrid.settings(List.of(), List.of("pdf"), temp, check, temp))
                .hasMessageStartingWith("xenacpi.formats: ");
        assertThat(made).isEmpty();
        assertThatThrownBy(() -> badGrid.settings(List.of(), List.of(), temp, check, temp))
                .hasMessageStartingWith("xenacpi.xenVersions: ");
        assertThat(made).containsExactly("check");
    }

    @Test
    void aValidationRunsTheChosenStrategiesWithTheOverrides() throws Exception {
        ValidationParameters p =
                new ValidationParameters(null, List.of("stage2-fault"), "4.17", null, null, null, null, false, null);

        assertThat(p.validation().one(PlatformSource.of(Preset.QEMU_VIRT)).strategies())
                .extracting(StrategyReport::strategy)
                .containsExactly("stage2-fault");
    }
}
