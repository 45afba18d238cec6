package io.github.xenacpi.acpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte sum behind every checksum check, whatever range was asked for before. */
class RawTableTest {

    @Test
    void byteSumIsTheLowByteOfTheSumOfTheRangeAskedFor() {
        byte[] bytes = new byte[4099];
        new Random(7).nextBytes(bytes);
        RawTable table = new RawTable("DSDT", 1, bytes, new TableOrigin(Path.of("t"), SourceFormat.BUILDER, 0, 0, -1));
        int[][] ranges = {{0, 4099}, {0, 4099}, {0, 20}, {0, 4099}, {5, 4099}, {0, 0}, {36, 36}, {0, 36}};
        for (int[] r : ranges) {
            int expected = 0;
            for (int i = r[0]; i < r[1]; i++) {
                expected += bytes[i];
            }
            assertThat(table.byteSum(r[0], r[1])).as("bytes %d..%d", r[0], r[1]).isEqualTo(expected & 0xFF);
        }
    }

    @Test
    void byteSumOfBytesAllAtTheirLargestDoesNotOverflowItsLanes() {
        for (int length : new int[] {7, 8, 1023, 1024, 1025, 8 * 128, 8 * 128 + 1, 8 * 129, (1 << 20) + 3}) {
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, (byte) 0xFF);
            RawTable table =
                    new RawTable("DSDT", 1, bytes, new TableOrigin(Path.of("t"), SourceFormat.BUILDER, 0, 0, -1));

            assertThat(table.byteSum(1, length)).as("%d bytes", length).isEqualTo((0xFF * (length - 1)) & 0xFF);
        }
    }
}
