package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.junit.fixtures.ComposedFixture;
import io.github.xenacpi.junit.fixtures.DefaultsFixture;
import io.github.xenacpi.junit.fixtures.ErrorFixture;
import io.github.xenacpi.junit.fixtures.FirmwareFixture;
import io.github.xenacpi.junit.fixtures.InheritedFixture;
import io.github.xenacpi.junit.fixtures.InjectionFixture;
import io.github.xenacpi.junit.fixtures.OverriddenFirmwareFixture;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class XenPlatformExtensionTest {

    @BeforeAll
    static void writeFirmware() throws IOException {
        FixtureFiles.write();
    }

    @Test
    void injectsEveryTypeAndMethodSettingsOverrideTheClass() {
        EngineExecutionResults results = Kit.run(InjectionFixture.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertThat(Kit.published(results, "platform"))
                .hasSize(2)
                .containsOnly(Kit.published(results, "platform").get(0));
    }

    @Test
    void bareAnnotationMeansQemuVirtWithTheDefaultDescriptor() {
        Kit.run(DefaultsFixture.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void composedInheritedAndNestedAnnotationsAreFound() {
        Kit.run(ComposedFixture.class, InheritedFixture.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void readsFirmwareByProjectPathDumpFileAndClassPathResource() {
        Kit.run(FirmwareFixture.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(4).failed(0));
    }

    @Test
    void configurationParameterReplacesTheAnnotationsPlatform() {
        Map<String, String> firmware = Map.of(
                XenPlatformExtension.FIRMWARE_PARAMETER,
                FixtureFiles.ROOT.resolve("virt").toString());

        Kit.run(firmware, OverriddenFirmwareFixture.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Kit.failures(
                        Kit.run(OverriddenFirmwareFixture.class).testEvents().list()))
                .containsOnlyKeys("parameterWins");
    }

    @Test
    void everyWrongSettingFailsResolutionSayingWhatAndWhere() {
        EngineExecutionResults results = Kit.run(ErrorFixture.class);
        results.testEvents().assertStatistics(s -> s.started(8).failed(8));
        Map<String, Throwable> failures = Kit.failures(results.testEvents().list());
        String on = "@XenPlatform on " + ErrorFixture.class.getName() + "#";

        assertThat(failures.values()).allSatisfy(t -> assertThat(t).isInstanceOf(ParameterResolutionException.class));
        assertThat(failures.get("badPath"))
                .hasMessageStartingWith(on + "badPath(): ")
                .hasMessageContaining("no file or folder \"no/such/firmware\"")
                .hasMessageContaining("below the project directory " + Locations.projectDirectory())
                .hasMessageContaining("nor a class-path resource");
        assertThat(failures.get("unknownPreset"))
                .hasMessageStartingWith(on + "unknownPreset(): ")
                .hasMessageContaining(
                        "unknown preset: no preset \"sparc-server\"; known: [seed-rfc, qemu-virt, server-ras,");
        assertThat(failures.get("notParsing"))
                .hasMessageStartingWith(on + "notParsing(): ")
                .hasMessageContaining("cannot load the platform at " + FixtureFiles.ROOT.resolve("garbage.bin"))
                .hasMessageContaining("no ACPI table in");
        assertThat(failures.get("badDescriptor"))
                .hasMessageStartingWith(on + "badDescriptor(): ")
                .hasMessageContaining(
                        FixtureFiles.ROOT.resolve("bad-descriptor/xenacpi.json").toString())
                .hasMessageContaining("unknown key \"xne\"");
        assertThat(failures.get("badXenVersion"))
                .hasMessage("the default preset: a Xen version looks like 4.17, not \"four\"");
        assertThat(failures.get("badSmmuMode"))
                .hasMessage("the default preset: SMMU mode is none or shared, not \"nested\"");
        assertThat(failures.get("firmwareAndPreset"))
                .hasMessage(on + "firmwareAndPreset(): both firmware"
                        + " \"target/xenacpi-fixtures/virt\" and preset \"qemu-virt\" are named; name one");
        assertThat(failures.get("unknownStrategy"))
                .hasMessageStartingWith("the default preset: unknown strategy \"hope\"; known: [bus-notify,");
    }
}
