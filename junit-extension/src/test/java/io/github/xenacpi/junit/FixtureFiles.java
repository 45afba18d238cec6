package io.github.xenacpi.junit;

import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the firmware the fixtures name, below {@code target/xenacpi-fixtures} of the project directory and
 * below the test classes (for the class-path case), made by the table builder.
 */
final class FixtureFiles {
    static final Path ROOT = Path.of("target", "xenacpi-fixtures").toAbsolutePath();

    private FixtureFiles() {}

    /** Writes every fixture file; safe to call from several test classes. */
    static synchronized void write() throws IOException {
        BuiltPlatform virt = virt();
        virt.writeTableDirectory(ROOT.resolve("virt"));
        Files.writeString(ROOT.resolve("virt/xenacpi.json"), "{\"xen\": \"4.17\"}");
        Files.writeString(ROOT.resolve("virt-dump.txt"), virt.acpidumpText());
        virt.writeTableDirectory(testClasses().resolve("xenacpi-fixture-resource/virt"));
        Files.write(ROOT.resolve("garbage.bin"), new byte[] {0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0});
        virt.writeTableDirectory(ROOT.resolve("bad-descriptor"));
        Files.writeString(ROOT.resolve("bad-descriptor/xenacpi.json"), "{\"xne\": \"4.17\"}");
        Path corpus = ROOT.resolve("corpus");
        virt.writeTableDirectory(corpus.resolve("alpha"));
        Files.writeString(corpus.resolve("beta.txt"), virt.acpidumpText());
        Files.writeString(corpus.resolve("xenacpi.json"), "{}");
        Files.writeString(corpus.resolve(".hidden"), "not a platform");
        Files.writeString(corpus.resolve("README.md"), "# The machines of this folder\n");
        virt.writeTableDirectory(corpus.resolve("gamma").resolve("acpi"));
        Files.createDirectories(ROOT.resolve("empty-corpus"));
    }

    /** A small virt-like platform: HW-reduced FADT, GICv3 MADT, one ECAM window. */
    static BuiltPlatform virt() {
        return PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0, 0))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                .build();
    }

    private static Path testClasses() {
        try {
            return Path.of(FixtureFiles.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
