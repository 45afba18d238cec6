package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
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

/** The one discovery rule: one bad entry never costs the others, and everything skipped is said with its reason. */
class FirmwareFolderTest {

    @TempDir
    Path temp;

    @Test
    void documentsImagesDisassembliesAndLinkLoopsBesideThePlatformsNeverFailTheRun() throws Exception {
        Path root = Files.createDirectories(temp.resolve("machines"));
        Files.writeString(root.resolve("README.md"), "# Our machines\n\nTables from acpidump.\n");
        Files.writeString(root.resolve("MANIFEST.md"), "| machine | source |\n");
        Files.write(root.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Files.writeString(root.resolve("dsdt.dsl"), """
                /*
                 * Intel ACPI Component Architecture
                 */
                DefinitionBlock ("", "DSDT", 2, "XENACP", "XENACPI", 0x00000001)
                {
                }
                """);
        Files.writeString(root.resolve("board.txt"), dump(), StandardCharsets.UTF_8);
        Path machine = Files.createDirectories(root.resolve("laptop"));
        tables(machine.resolve("acpi"));
        tables(root.resolve(".cache"));
        Files.createDirectories(root.resolve("images"));
        Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
        Files.createSymbolicLink(root.resolve("up"), root);
        Files.writeString(root.resolve("empty.txt"), "");

        FirmwareFolder.Found found = FirmwareFolder.platformsAt(root);

        assertThat(found.platforms()).extracting(PlatformSource::name).containsExactly("board.txt", "laptop");
        assertThat(found.skipped())
                .extracting(s -> s.path().getFileName().toString())
                .containsExactlyInAnyOrder(
                        ".cache",
                        "MANIFEST.md",
                        "README.md",
                        "dsdt.dsl",
                        "empty.txt",
                        "images",
                        "loop",
                        "photo.png",
                        "up");
        assertThat(found.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(reason(found, ".cache")).contains("hidden");
        assertThat(reason(found, "dsdt.dsl")).contains("disassembly");
        assertThat(reason(found, "loop")).contains("symbolic link");
        assertThat(reason(found, "up")).contains("loop");
        assertThat(reason(found, "photo.png")).contains("not an ACPI table");
        for (PlatformSource p : found.platforms()) {
            assertThat(p.load(Overrides.NONE).tables().all()).isNotEmpty();
        }
    }

    @Test
    void junkIsJudgedByContentWhateverItsName() throws Exception {
        Path root = Files.createDirectories(temp.resolve("f"));
        Files.writeString(root.resolve("DSDT.txt"), "not a table, only a note\n");
        Files.writeString(root.resolve("notes.md"), "not a table, only a note\n");
        Files.writeString(root.resolve("board"), dump(), StandardCharsets.UTF_8);

        FirmwareFolder.Found found = FirmwareFolder.platformsAt(root);

        assertThat(found.platforms()).extracting(PlatformSource::name).containsExactly("board");
        assertThat(reason(found, "DSDT.txt")).isEqualTo(reason(found, "notes.md"));
    }

    @Test
    void aMachineFolderHoldingOnlyAcpiIsNamedAfterTheMachine() throws Exception {
        Path machine = Files.createDirectories(temp.resolve("thinkpad"));
        tables(machine.resolve("acpi"));
        Files.writeString(machine.resolve("README.md"), "from acpidump\n");

        assertThat(Firmware.locate(List.of("thinkpad"), temp).platforms())
                .extracting(PlatformSource::name)
                .containsExactly("thinkpad");
        assertThat(PlatformSource.at(machine).load(Overrides.NONE).name()).isEqualTo("thinkpad");
    }

    @Test
    void aFolderOfOnlyJunkNamesTheGivenPathAndEveryReason() throws Exception {
        Path root = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(root.resolve("README.md"), "nothing here\n");

        assertThatThrownBy(() -> Firmware.locate(List.of("docs"), temp))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.firmware")
                .hasMessageContaining(root.toString())
                .hasMessageContaining("README.md")
                .hasMessageContaining("acpidump table header");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> Firmware.locate(List.of("empty"), temp))
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("empty")
                .hasMessageNotContaining("src/firmware");
    }

    @Test
    void descriptorErrorsNameTheKeyWithoutJavaTypesOrParserInternals() throws Exception {
        for (String json : List.of(
                "{\"ipaBits\":\"abc\"}",
                "{\"ram\":{}}",
                "{\"earlycon\":\"yes\"}",
                "{\"ram\":[{\"base\":\"0x1\"}]}",
                "[]",
                "{\"dma\":[{\"device\":\"x\",\"kind\":\"bogus\",\"address\":\"0\"}]}",
                "{\"xen\":\"4.x\"}",
                "{\"linux\":\"6.six\"}",
                "{\"smmu\":\"maybe\"}")) {
            Path file = Files.writeString(temp.resolve(PlatformDescriptorReader.FILE_NAME), json);
            assertThatThrownBy(() -> PlatformDescriptorReader.read(file))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageStartingWith(file.toString())
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("java.")
                            .doesNotContain("Jackson")
                            .doesNotContain("JsonToken")
                            .doesNotContain("$Range")
                            .doesNotContain("creator")
                            .doesNotContain("For input string")
                            .doesNotContain("RegionKind"));
        }
    }

    @Test
    void versionTyposNameThePropertyWithoutJavaInternals() {
        for (String[] v : List.of(
                new String[] {"4.x", null, null},
                new String[] {null, "6.six", null},
                new String[] {"99999999999.1", null, null},
                new String[] {null, null, "maybe"})) {
            assertThatThrownBy(() -> Overrides.parse(v[0], v[1], v[2]))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("For input string")
                            .containsPattern(
                                    v[0] != null
                                            ? "xenacpi.xenVersion"
                                            : v[1] != null ? "xenacpi.linuxVersion" : "xenacpi.smmu"));
        }
    }

    private static String reason(FirmwareFolder.Found found, String name) {
        return found.skipped().stream()
                .filter(s -> s.path().getFileName().toString().equals(name))
                .findFirst()
                .orElseThrow()
                .reason();
    }

    private static void tables(Path dir) throws Exception {
        PlatformBuilder.create()
                .add(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 1))
                .build()
                .writeTableDirectory(dir);
    }

    private static String dump() {
        return AcpidumpTextWriter.write(Preset.QEMU_VIRT.image().tables());
    }
}
