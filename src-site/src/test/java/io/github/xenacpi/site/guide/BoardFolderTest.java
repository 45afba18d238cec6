package io.github.xenacpi.site.guide;

import static io.github.xenacpi.junit.XenAssertions.assertThat;

import io.github.xenacpi.junit.XenFirmwareSource;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.platform.builder.BertBuilder;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.simulation.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The guide's platform matrix over a folder of firmware. A project keeps its dumps in such a folder; this example
 * writes two builder-made boards there first.
 */
// tag::folder[]
@XenPlatform(xen = "4.17", strategy = "stage2-fault")
class BoardFolderTest {
    // end::folder[]
    static final Path BOARDS = Path.of("target", "guide-firmware", "boards");

    @BeforeAll
    static void writeBoards() throws IOException {
        PlatformBuilder board = PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF));
        board.build().writeTableDirectory(BOARDS.resolve("board-a"));
        board.add(new BertBuilder().region(0xFFFF_0000L, 0x2000))
                .build()
                .writeTableDirectory(BOARDS.resolve("board-b"));
        Files.writeString(BOARDS.resolve("board-b/xenacpi.json"), "{\"linux\": \"6.6\"}");
    }
    // tag::folder[]

    @XenFirmwareSource("target/guide-firmware/boards")
    void dom0BootsOnEveryBoard(SimulationResult result) {
        assertThat(result).hasNoDom0Aborts().hasNoDmaFaults();
    }
}
// end::folder[]
