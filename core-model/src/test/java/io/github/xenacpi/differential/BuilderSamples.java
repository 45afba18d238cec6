package io.github.xenacpi.differential;

import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.TableBuilder;
import java.util.List;

/**
 * The builder-made tables the differential suite hands to iasl: one entry per interesting shape of each table
 * builder. A new builder adds its samples to {@link #ALL}.
 */
final class BuilderSamples {

    /** A named builder configuration. */
    record Sample(String name, TableBuilder builder) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Sample> ALL = List.of(
            new Sample("MCFG, one segment, buses 0-255", new McfgBuilder().allocation(0x4010000000L, 0, 0, 0xFF)),
            new Sample(
                    "MCFG, three segments, non-zero start buses",
                    new McfgBuilder()
                            .allocation(0x6000_0000L, 0, 0, 1)
                            .allocation(0x3000_0000L, 1, 0x10, 0x1F)
                            .allocation(0x7_0000_0000L, 2, 0x80, 0xFF)));

    private BuilderSamples() {}
}
