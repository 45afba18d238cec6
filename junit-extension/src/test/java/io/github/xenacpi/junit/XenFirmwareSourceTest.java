package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

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
    void runsOncePerFolderAndDumpFileSkippingDescriptorsAndHiddenEntries() {
        EngineExecutionResults results = Kit.run(FirmwareSourceFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(Kit.published(results, "platform")).containsExactly("alpha", "beta.txt");
        assertThat(results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("[1] alpha", "[2] beta.txt");
    }

    @Test
    void theFolderWinsOverTheFirmwareParameter() {
        Map<String, String> firmware = Map.of(XenPlatformExtension.FIRMWARE_PARAMETER,
                FixtureFiles.ROOT.resolve("virt").toString());

        assertThat(Kit.published(Kit.run(firmware, FirmwareSourceFixture.class), "platform"))
                .containsExactly("alpha", "beta.txt");
    }

    @Test
    void aMissingOrEmptyFolderFailsTheTemplateSayingWhereAndWhy() {
        EngineExecutionResults results = Kit.run(FirmwareSourceErrorFixture.class);
        Map<String, Throwable> failures = results.containerEvents().failed().stream()
                .collect(Collectors.toMap(Kit::method, e -> e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable().orElseThrow()));
        String on = "@XenFirmwareSource(\"target/xenacpi-fixtures/";

        assertThat(failures.values()).allSatisfy(t ->
                assertThat(t).isInstanceOf(ExtensionConfigurationException.class));
        assertThat(failures.get("missing")).hasMessageStartingWith(on + "no-such-corpus\") on "
                        + FirmwareSourceErrorFixture.class.getName() + "#missing(): no file or folder")
                .hasMessageEndingWith("that is a folder");
        assertThat(failures.get("empty")).hasMessage(on + "empty-corpus\") on "
                + FirmwareSourceErrorFixture.class.getName() + "#empty(): no platform (sub-folder or dump file) in "
                + FixtureFiles.ROOT.resolve("empty-corpus"));
    }
}
