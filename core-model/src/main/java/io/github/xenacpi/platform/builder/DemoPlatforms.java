package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Platforms made in memory by the table builders, for running the tool without firmware at hand: what
 * {@code InspectCommand} shows when given no path.
 */
public final class DemoPlatforms {

    /** The path the demo image reports as its source. */
    public static final Path DEMO_PATH = Path.of("builtin-demo");

    private DemoPlatforms() {
    }

    /** A small ARM64 server-like platform: two PCI segments' ECAM windows. */
    public static FirmwareImage demo() {
        return image(List.of(new McfgBuilder()
                .allocation(0x40_1000_0000L, 0, 0, 0xFF)
                .allocation(0x30_0000_0000L, 1, 0x10, 0x1F)));
    }

    /** An image of the tables the builders write, numbered per signature in list order. */
    public static FirmwareImage image(List<TableBuilder> builders) {
        List<RawTable> tables = new ArrayList<>();
        Map<String, Integer> instances = new HashMap<>();
        for (TableBuilder b : builders) {
            byte[] bytes = b.build(OemIdentity.DEFAULT);
            String signature = bytes.length >= 4 ? new String(bytes, 0, 4, StandardCharsets.US_ASCII)
                    : b.signature();
            tables.add(new RawTable(signature.equals("RSD ") ? "RSDP" : signature,
                    instances.merge(b.signature(), 1, Integer::sum), bytes,
                    new TableOrigin(DEMO_PATH, SourceFormat.BUILDER, 0, 0, -1)));
        }
        return new FirmwareImage(DEMO_PATH, SourceFormat.BUILDER, tables, List.of());
    }
}
