package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.api.FirmwareFolder;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.junit.fixtures.FirmwareSourceErrorFixture;
import io.github.xenacpi.junit.fixtures.FirmwareSourceFixture;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class XenFirmwareSourceTest {

    @BeforeAll
    static void writeFirmware() throws IOException {
        FixtureFiles.write();
    }

    @Test
    void runsOncePerPlatformSkippingDescriptorsHiddenEntriesAndDocuments() throws Exception {
        EngineExecutionResults results = Kit.run(FirmwareSourceFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(Kit.published(results, "platform")).containsExactly("alpha", "beta.txt", "gamma");
        assertThat(results.testEvents().succeeded().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("[1] alpha", "[2] beta.txt", "[3] gamma");
        // The validate goal's rule, from the same core class: both see the same platforms.
        assertThat(FirmwareFolder.platformsAt(FixtureFiles.ROOT.resolve("corpus"))
                        .platforms())
                .extracting(PlatformSource::name)
                .containsExactly("alpha", "beta.txt", "gamma");
    }

    @Test
    void theFolderWinsOverTheFirmwareParameter() {
        Map<String, String> firmware = Map.of(
                XenPlatformExtension.FIRMWARE_PARAMETER,
                FixtureFiles.ROOT.resolve("virt").toString());

        assertThat(Kit.published(Kit.run(firmware, FirmwareSourceFixture.class), "platform"))
                .containsExactly("alpha", "beta.txt", "gamma");
    }

    @Test
    void aMissingOrEmptyFolderFailsTheTemplateSayingWhereAndWhy() {
        EngineExecutionResults results = Kit.run(FirmwareSourceErrorFixture.class);
        Map<String, Throwable> failures = results.containerEvents().failed().stream()
                .collect(Collectors.toMap(
                        Kit::method,
                        e -> e.getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .orElseThrow()));
        String on = "@XenFirmwareSource(\"target/xenacpi-fixtures/";

        assertThat(failures.values())
                .allSatisfy(t -> assertThat(t).isInstanceOf(ExtensionConfigurationException.class));
        assertThat(failures.get("missing"))
                .hasMessageStartingWith(on + "no-such-corpus\") on " + FirmwareSourceErrorFixture.class.getName()
                        + "#missing(): no file or folder")
                .hasMessageEndingWith("that is a folder");
        assertThat(failures.get("empty"))
                .hasMessage(on + "empty-corpus\") on "
                        + FirmwareSourceErrorFixture.class.getName()
                        + "#empty(): no platform (sub-folder or dump file) in "
                        + FixtureFiles.ROOT.resolve("empty-corpus"));
    }
}
