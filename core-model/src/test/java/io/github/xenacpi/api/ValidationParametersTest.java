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
            ValidationParameters.builder().build();

    private static ValidationParameters firmware(String... entries) {
        return ValidationParameters.builder().firmware(Arrays.asList(entries)).build();
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
        ValidationParameters p = ValidationParameters.builder()
                .firmware(List.of())
                .strategies(List.of("stage2-fault,bus-notify"))
                .xenVersion("4.17")
                .linuxVersion(" 6.6 ")
                .smmu("shared")
                .xenVersions("4.17,4.22")
                .linuxVersions("")
                .trace(true)
                .baseline(" baselines/fw.json ")
                .build();

        assertThat(p.chosenStrategies()).extracting(MappingStrategy::id).containsExactly("bus-notify", "stage2-fault");
        assertThat(p.overrides()).isEqualTo(Overrides.parse("4.17", "6.6", "shared"));
        assertThat(p.grid().xen()).containsExactly(XenVersion.parse("4.17"), XenVersion.parse("4.22"));
        assertThat(p.grid().linux()).isEmpty();
        assertThat(p.reportOptions().trace()).isTrue();
        assertThat(p.baselineFile(temp)).isEqualTo(temp.resolve("baselines/fw.json"));
    }

    @Test
    void anUnreadableParameterIsNamed() {
        ValidationParameters badXen =
                ValidationParameters.builder().xenVersion("4.x").build();
        ValidationParameters badStrategy =
                ValidationParameters.builder().strategies(List.of("wishful")).build();

        assertThatThrownBy(badXen::overrides)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersion: ");
        assertThatThrownBy(badStrategy::chosenStrategies)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.strategies: ");
    }

    @Test
    void theSiteInheritsWhatItDoesNotSetButKeepsItsTraceAndBaseline() {
        ValidationParameters site = ValidationParameters.builder()
                .firmware(List.of(" "))
                .xenVersion("4.19")
                .linuxVersion("")
                .trace(true)
                .baseline("site-baseline.json")
                .build();
        ValidationParameters validate = ValidationParameters.builder()
                .firmware(List.of("preset:hostile"))
                .strategies(List.of("bus-notify"))
                .xenVersion("4.17")
                .linuxVersion("6.6")
                .smmu("shared")
                .xenVersions("4.22")
                .linuxVersions("6.1")
                .baseline("other.json")
                .build();

        ValidationParameters inherited = site.inheriting(validate);

        assertThat(inherited)
                .isEqualTo(ValidationParameters.builder()
                        .firmware(List.of("preset:hostile"))
                        .strategies(List.of("bus-notify"))
                        .xenVersion("4.19")
                        .linuxVersion("6.6")
                        .smmu("shared")
                        .xenVersions("4.22")
                        .linuxVersions("6.1")
                        .trace(true)
                        .baseline("site-baseline.json")
                        .build());
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
        ValidationParameters p = ValidationParameters.builder()
                .strategies(List.of("stage2-fault"))
                .xenVersion("4.17")
                .xenVersions("4.22")
                .trace(true)
                .build();
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
        ValidationParameters badXenAndGrid = ValidationParameters.builder()
                .xenVersion("4.x")
                .xenVersions("nope")
                .build();
        ValidationParameters badGrid =
                ValidationParameters.builder().xenVersions("nope").build();

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
        ValidationParameters p = ValidationParameters.builder()
                .strategies(List.of("stage2-fault"))
                .xenVersion("4.17")
                .build();

        assertThat(p.validation().one(PlatformSource.of(Preset.QEMU_VIRT)).strategies())
                .extracting(StrategyReport::strategy)
                .containsExactly("stage2-fault");
    }
}
