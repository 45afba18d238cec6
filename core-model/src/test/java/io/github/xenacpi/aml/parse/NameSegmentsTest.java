package io.github.xenacpi.aml.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.aml.AmlName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segments and one-segment names a namespace's parsers share: one of each, however many there are. */
class NameSegmentsTest {

    /** Distinct NameSegs, one after another in one byte array. */
    private static byte[] segments(int count) {
        byte[] b = new byte[4 * count];
        for (int i = 0; i < count; i++) {
            int n = i;
            b[4 * i] = (byte) ('A' + n % 26);
            n /= 26;
            for (int j = 1; j < 4; j++) {
                b[4 * i + j] = (byte) (n % 36 < 10 ? '0' + n % 36 : 'A' + n % 36 - 10);
                n /= 36;
            }
        }
        return b;
    }

    @Test
    void eachSegmentIsOneStringAndOneNameWhileTheTableGrows() {
        int count = 10_000;
        byte[] b = segments(count);
        NameSegments shared = new NameSegments();
        List<String> first = new ArrayList<>();
        List<AmlName> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            first.add(shared.segment(b, 4 * i));
            names.add(shared.name(b, 4 * i));
        }

        for (int i = 0; i < count; i++) {
            String expected = new String(b, 4 * i, 4, StandardCharsets.ISO_8859_1);
            assertThat(first.get(i)).isEqualTo(expected);
            assertThat(shared.segment(b, 4 * i)).isSameAs(first.get(i));
            assertThat(shared.name(b, 4 * i))
                    .isSameAs(names.get(i))
                    .isEqualTo(new AmlName(false, 0, List.of(expected)));
        }
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void theSameBytesAnywhereGiveTheSameSegment() {
        byte[] b = "XPCI_SB_XPCI".getBytes(StandardCharsets.ISO_8859_1);
        NameSegments shared = new NameSegments();

        assertThat(shared.segment(b, 8)).isSameAs(shared.segment(b, 0)).isEqualTo("XPCI");
        assertThat(shared.segment(b, 4)).isEqualTo("_SB_");
    }

    @Test
    void pastTheMostKeptSegmentsAreMadeAfreshAndStillRight() {
        int count = NameSegments.MAX_KEPT + 5_000;
        byte[] b = segments(count);
        NameSegments shared = new NameSegments();
        for (int i = 0; i < count; i++) {
            shared.segment(b, 4 * i);
        }

        String kept = shared.segment(b, 0);
        assertThat(shared.segment(b, 0)).isSameAs(kept);
        int past = 4 * (count - 1);
        String expected = new String(b, past, 4, StandardCharsets.ISO_8859_1);
        assertThat(shared.segment(b, past)).isEqualTo(expected).isNotSameAs(shared.segment(b, past));
        assertThat(shared.name(b, past)).isEqualTo(new AmlName(false, 0, List.of(expected)));
    }
}
