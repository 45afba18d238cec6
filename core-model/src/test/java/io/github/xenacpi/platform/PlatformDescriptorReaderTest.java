package io.github.xenacpi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDescriptorReaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve(PlatformDescriptorReader.FILE_NAME), json);
    }

    @Test
    void aBareDumpGetsTheDefaults() throws Exception {
        assertThat(PlatformDescriptorReader.besides(dir)).isEqualTo(PlatformDescriptor.DEFAULT);
        assertThat(PlatformDescriptor.DEFAULT.xen()).isEqualTo(XenVersion.NEWEST);
        assertThat(PlatformDescriptor.DEFAULT.smmu()).isEqualTo(SmmuMode.NONE);
    }

    @Test
    void readsEveryField() throws Exception {
        write("""
                {"ram": [{"base": "0x80000000", "length": "0x4000_0000"}], "ipaBits": 40,
                 "xen": "4.17.2", "linux": "6.6", "smmu": "shared", "earlycon": true,
                 "dma": [{"device": "nic", "address": "0x8090040", "kind": "gic-its"}],
                 "amlMemory": {"0xF0000000": "0x5A"}, "xenHasIts": true}
                """);

        PlatformDescriptor d = PlatformDescriptorReader.besides(dir);
        assertThat(d.xenHasIts()).isTrue();

        assertThat(d.ram()).containsExactly(new MemoryRange(0x8000_0000L, 0x4000_0000L));
        assertThat(d.ipaBits()).isEqualTo(40);
        assertThat(d.xen()).isEqualTo(new XenVersion(4, 17, 2));
        assertThat(d.linux()).isEqualTo(LinuxVersion.V6_6);
        assertThat(d.smmu()).isEqualTo(SmmuMode.SHARED);
        assertThat(d.earlycon()).isTrue();
        assertThat(d.dma()).containsExactly(new DmaScenario("nic", RegionKind.GIC_ITS, 0x8090040L, true));
        assertThat(d.amlMemory()).containsEntry(0xF000_0000L, 0x5AL);
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKeyAndWhereItIs() throws Exception {
        Path file = write("{\"dma\": [{\"device\": \"x\", \"address\": \"0x1\", \"kind\": \"ECAM\", \"late\": 1}]}");

        assertThatThrownBy(() -> PlatformDescriptorReader.read(file))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("unknown key \"late\"")
                .hasMessageContaining("$.dma[0]");
    }

    /**
     * A key that is not a plain name is quoted with its quotes escaped, and the path puts it in brackets: the message
     * reads the same whatever the key holds (the descriptor fuzz test once mistook {@code $.xejava.n} for Java).
     */
    @Test
    void anUnknownKeyHoldingQuotesAndDotsIsQuotedAndBracketed() throws Exception {
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"x\\\"java.n\": 1}")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("unknown key \"x\\\"java.n\" at $[\"x\\\"java.n\"];");
        Path spaced = write("{\"ram\": [{\"base\": \"0x0\", \"length\": \"0x1000\", \"a b\": 1}]}");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(spaced)).hasMessageContaining("at $.ram[0][\"a b\"];");
    }

    /** A file that holds only JSON's {@code null} is an error naming the file (DescriptorFuzzTest found it). */
    @Test
    void aNullDescriptorIsAnErrorNotACrash() throws Exception {
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("null")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("xenacpi.json: holds JSON null where an object is expected");
    }

    /** What follows the descriptor's object is an error, not ignored as Jackson does by default. */
    @Test
    void textAfterTheObjectIsAnError() throws Exception {
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"xen\": \"4.8\"}\n{\"xen\": \"4.22\"}")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("xenacpi.json: more text after the descriptor's object (line 2)");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"xen\": \"4.8\"} ]")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("not valid JSON (line 1)");
    }

    @Test
    void badValuesSayWhatWasExpected() throws Exception {
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"smmu\": \"nested\"}")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("none or shared");
        assertThatThrownBy(() ->
                        PlatformDescriptorReader.read(write("{\"ram\": [{\"base\": \"0xZZ\", \"length\": \"1\"}]}")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("ram[0].base");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"ipaBits\": 52}")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("between 32 and 48");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(write("{\"xen\": ")))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void theSchemaShipsInTheJar() throws IOException {
        try (InputStream in =
                PlatformDescriptorReader.class.getResourceAsStream(PlatformDescriptorReader.SCHEMA_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"additionalProperties\": false")
                    .contains("\"amlMemory\"");
        }
    }

    @Test
    void aWrittenDescriptorReadsBackEqual() throws Exception {
        PlatformDescriptor d = PlatformDescriptor.builder()
                .ram(List.of(new MemoryRange(0x8000_0000L, 0x4000_0000L)))
                .ipaBits(44)
                .xen(XenVersion.V4_17)
                .linux(LinuxVersion.V6_6)
                .smmu(SmmuMode.SHARED)
                .earlycon(true)
                .dma(List.of(
                        new DmaScenario("nic", RegionKind.GIC_ITS, 0x0809_0040L, false),
                        new DmaScenario("dma", RegionKind.OPERATION_REGION, 0xFFFF_FFFF_FFFF_F000L, true)))
                .amlMemory(Map.of(0x0C20_0000L, 0xFFL, 0x0C20_0004L, 0x1L))
                .build();
        Path file = dir.resolve("xenacpi.json");
        Files.writeString(file, PlatformDescriptorReader.json(d));

        assertThat(PlatformDescriptorReader.read(file)).isEqualTo(d);
        for (Preset p : Preset.values()) {
            Files.writeString(file, PlatformDescriptorReader.json(p.descriptor()));
            assertThat(PlatformDescriptorReader.read(file)).as(p.id()).isEqualTo(p.descriptor());
        }
    }
}
