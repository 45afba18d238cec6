package io.github.xenacpi.it;

import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.PpttBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the firmware the integration tests validate, with the project's table builder: {@code good/} (a
 * folder of binary tables that passes every rule and boots Dom0 under the strategies the ITs select) and
 * {@code hostile.acpidump.txt} (the hostile preset as acpidump text, for the goal run without a project).
 */
public final class ItFirmware {

    private ItFirmware() {}

    /** {@code ItFirmware DIR}: writes the firmware into DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ItFirmware DIR");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        good().writeTableDirectory(dir.resolve("good"));
        Files.writeString(dir.resolve("good.acpidump.txt"), good().acpidumpText(), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("hostile.acpidump.txt"),
                AcpidumpTextWriter.write(Preset.HOSTILE.image().tables()),
                StandardCharsets.UTF_8);
    }

    /** A small GICv3 machine with every table SBBR asks for and no device memory Dom0 could miss. */
    static BuiltPlatform good() {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        PpttBuilder pptt = new PpttBuilder().revision(3);
        PpttBuilder.Structure pkg = pptt.processor(1, null, 0);
        pptt.processor(0xA, pkg, 0);
        pptt.processor(0xA, pkg, 1);
        GenericAddress uart = GenericAddress.memory(0x0900_0000L, 32);
        return PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                // The two processors as ARM firmware describes them; a DSDT without any Device is damage.
                .add(DefinitionBlockBuilder.dsdt()
                        .content(root -> root.scope(
                                "\\_SB",
                                sb -> sb.device("C000", d -> d.hid("ACPI0007").uid(0))
                                        .device("C001", d -> d.hid("ACPI0007").uid(1)))))
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0)
                        .gicc(1, 0x1, 0)
                        .add(new MadtTable.Gicr(0x080A_0000L, 0x40000)))
                .add(new GtdtBuilder()
                        .timers(
                                new GtdtTable.Timer(29, 0),
                                new GtdtTable.Timer(30, 0),
                                new GtdtTable.Timer(27, 0),
                                new GtdtTable.Timer(26, 0),
                                none))
                .add(new SpcrBuilder()
                        .baseAddress(uart)
                        .set("interruptType", 0x8)
                        .set("gsiv", 33)
                        .set("stopBits", 1))
                .add(new Dbg2Builder().device(0x8000, 0x0E, ".", new byte[0], new Dbg2Table.Register(uart, 0x1000)))
                .add(pptt)
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xF))
                .build();
    }
}
