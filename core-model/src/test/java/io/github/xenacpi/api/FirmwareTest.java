package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareTest {

    @TempDir
    Path temp;

    private final Preset preset = Preset.QEMU_VIRT;

    @Test
    void presetEntriesNameBundledPlatforms() throws Exception {
        List<PlatformSource> found = Firmware.locate(List.of("preset:qemu-virt", " PRESET:hostile "), temp)
                .platforms();

        assertThat(found).extracting(PlatformSource::name).containsExactly("qemu-virt", "hostile");
    }

    @Test
    void presetAllIsEveryPresetInDeclarationOrder() throws Exception {
        assertThat(Firmware.locate(List.of("preset:all"), temp).platforms())
                .extracting(PlatformSource::name)
                .containsExactlyElementsOf(
                        java.util.Arrays.stream(Preset.values()).map(Preset::id).toList());
    }

    @Test
    void theDefaultPresetIsABundledOne() {
        assertThat(Firmware.defaultPreset().name())
                .isEqualTo(Firmware.DEFAULT_PRESET)
                .isEqualTo("qemu-virt");
        assertThat(Firmware.presetIds()).contains(Firmware.DEFAULT_PRESET);
    }

    @Test
    void anUnknownPresetSaysWhichExist() {
        assertThatThrownBy(() -> Firmware.locate(List.of("preset:nope"), temp).platforms())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.firmware")
                .hasMessageContaining("nope")
                .hasMessageContaining("qemu-virt");
    }

    @Test
    void aMissingPathIsAnErrorThatSaysWhatToName() {
        assertThatThrownBy(() -> Firmware.locate(List.of("missing"), temp).platforms())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(temp.resolve("missing").toString())
                .hasMessageContaining("preset:ID");
    }

    @Test
    void aFolderOfPlatformsGivesOnePerSubFolderAndDumpFileInNameOrder() throws Exception {
        Path root = Files.createDirectories(temp.resolve("firmware"));
        Files.writeString(root.resolve("b-board.txt"), dump(), StandardCharsets.UTF_8);
        PlatformBuilder.create()
                .add(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 1))
                .build()
                .writeTableDirectory(root.resolve("a-board"));
        Files.writeString(root.resolve("xenacpi.json"), "{}");
        Files.writeString(root.resolve(".hidden"), "x");

        List<PlatformSource> found = Firmware.locate(List.of("firmware"), temp).platforms();

        assertThat(found).extracting(PlatformSource::name).containsExactly("a-board", "b-board.txt");
    }

    @Test
    void aFolderOfTablesIsItselfOnePlatform() throws Exception {
        Path tables = temp.resolve("board");
        PlatformBuilder.create()
                .add(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 1))
                .build()
                .writeTableDirectory(tables);

        assertThat(FirmwareFolder.holdsTables(tables, 0)).isTrue();
        assertThat(Firmware.locate(List.of("board"), temp).platforms())
                .extracting(PlatformSource::name)
                .containsExactly("board");
    }

    @Test
    void aDumpFileIsOnePlatform() throws Exception {
        Path file = Files.writeString(temp.resolve("machine.txt"), dump(), StandardCharsets.UTF_8);

        assertThat(Firmware.locate(List.of(file.toString()), temp).platforms())
                .containsExactly(new PlatformSource.PathSource(file));
    }

    private String dump() {
        return AcpidumpTextWriter.write(preset.image().tables());
    }

    @Test
    void oneIsAPresetAFileOrAFolderHoldingExactlyOnePlatform() throws Exception {
        List<FirmwareFolder.Skipped> skipped = new ArrayList<>();
        assertThat(Firmware.one("xenacpi.inspect.path", " preset:hostile ", temp, skipped::add)
                        .name())
                .isEqualTo("hostile");
        Path root = Files.createDirectories(temp.resolve("one"));
        Files.writeString(root.resolve("board.txt"), dump(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("README.md"), "notes");

        assertThat(Firmware.one("xenacpi.firmware", "one", temp, skipped::add).name())
                .isEqualTo("board.txt");
        assertThat(skipped).extracting(s -> s.path().getFileName().toString()).containsExactly("README.md");
    }

    @Test
    void oneNamesTheSettingWhenThePathIsMissingOrHoldsSeveralPlatforms() throws Exception {
        assertThatThrownBy(() -> Firmware.one("xenacpi.inspect.path", "missing", temp, s -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.inspect.path: " + temp.resolve("missing") + " does not exist");
        Path root = Files.createDirectories(temp.resolve("two"));
        Files.writeString(root.resolve("a.txt"), dump(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("b.txt"), dump(), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Firmware.one("xenacpi.firmware", "two", temp, s -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessage("xenacpi.firmware: " + root + " holds 2 platforms [a.txt, b.txt]; inspect shows one:"
                        + " name one of them");
    }
}
