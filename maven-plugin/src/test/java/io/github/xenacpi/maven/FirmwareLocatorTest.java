package io.github.xenacpi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareLocatorTest {

    @TempDir
    Path temp;

    private final Preset preset = Preset.QEMU_VIRT;

    @Test
    void presetEntriesNameBundledPlatforms() throws Exception {
        List<PlatformSource> found = new FirmwareLocator(temp).locate(List.of("preset:qemu-virt", " PRESET:hostile "));

        assertThat(found).extracting(PlatformSource::name).containsExactly("qemu-virt", "hostile");
    }

    @Test
    void presetAllIsEveryPresetInDeclarationOrder() throws Exception {
        assertThat(new FirmwareLocator(temp).locate(List.of("preset:all"))).extracting(PlatformSource::name)
                .containsExactlyElementsOf(java.util.Arrays.stream(Preset.values()).map(Preset::id).toList());
    }

    @Test
    void anUnknownPresetSaysWhichExist() {
        assertThatThrownBy(() -> new FirmwareLocator(temp).locate(List.of("preset:nope")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.firmware").hasMessageContaining("nope").hasMessageContaining("qemu-virt");
    }

    @Test
    void aMissingPathIsAnErrorThatSaysWhatToName() {
        assertThatThrownBy(() -> new FirmwareLocator(temp).locate(List.of("missing")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(temp.resolve("missing").toString()).hasMessageContaining("preset:ID");
    }

    @Test
    void aFolderOfPlatformsGivesOnePerSubFolderAndDumpFileInNameOrder() throws Exception {
        Path root = Files.createDirectories(temp.resolve("firmware"));
        Files.writeString(root.resolve("b-board.txt"), dump(), StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("a-board"));
        Files.writeString(root.resolve("xenacpi.json"), "{}");
        Files.writeString(root.resolve(".hidden"), "x");

        List<PlatformSource> found = new FirmwareLocator(temp).locate(List.of("firmware"));

        assertThat(found).extracting(PlatformSource::name).containsExactly("a-board", "b-board.txt");
    }

    @Test
    void aFolderOfTablesIsItselfOnePlatform() throws Exception {
        Path tables = temp.resolve("board");
        PlatformBuilder.create()
                .add(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 1))
                .build().writeTableDirectory(tables);

        assertThat(FirmwareLocator.isPlatformFolder(tables)).isTrue();
        assertThat(new FirmwareLocator(temp).locate(List.of("board"))).extracting(PlatformSource::name)
                .containsExactly("board");
    }

    @Test
    void aDumpFileIsOnePlatform() throws Exception {
        Path file = Files.writeString(temp.resolve("machine.txt"), dump(), StandardCharsets.UTF_8);

        assertThat(new FirmwareLocator(temp).locate(List.of(file.toString())))
                .containsExactly(new PlatformSource.PathSource(file));
    }

    @Test
    void withoutAProjectTheDefaultIsEveryPreset() throws Exception {
        assertThat(FirmwareDefaults.platforms(List.of(), temp, true)).hasSize(Preset.values().length);
    }

    @Test
    void inAProjectWithoutSrcFirmwareTheDefaultIsNothing() throws Exception {
        assertThat(FirmwareDefaults.platforms(null, temp, false)).isEmpty();
    }

    @Test
    void inAProjectTheDefaultIsSrcFirmware() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("src/firmware"));
        Files.writeString(folder.resolve("one.txt"), dump(), StandardCharsets.UTF_8);

        assertThat(FirmwareDefaults.platforms(List.of(" "), temp, false)).extracting(PlatformSource::name)
                .containsExactly("one.txt");
    }

    private String dump() {
        return AcpidumpTextWriter.write(preset.image().tables());
    }
}
