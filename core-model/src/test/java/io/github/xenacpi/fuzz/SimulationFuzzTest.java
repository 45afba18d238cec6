package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.BertBuilder;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;

/**
 * The simulation on builder-made platforms whose MCFG, GTDT and BERT addresses and lengths are fuzzed, under a
 * fuzzed Xen and Linux version, SMMU mode, IPA size and mapping strategy: it must give a result, never throw.
 */
class SimulationFuzzTest {

    private static final List<XenVersion> XEN = List.of(
            XenVersion.V4_7,
            XenVersion.V4_8,
            XenVersion.V4_9,
            XenVersion.V4_10,
            XenVersion.V4_16,
            XenVersion.V4_17,
            XenVersion.V4_22);
    private static final List<LinuxVersion> LINUX = List.of(LinuxVersion.V4_10, LinuxVersion.V6_6, LinuxVersion.V6_18);
    private static final List<MappingStrategy> STRATEGIES = MappingStrategy.all();

    @FuzzTest(maxDuration = "2m")
    void simulatesFuzzedPlatforms(FuzzedDataProvider data) {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        PlatformBuilder platform = PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, data.consumeLong(), 0, 3))
                        .gicc(0, 0x0, 0)
                        .add(new MadtTable.Gicr(data.consumeLong(), data.consumeLong(0, 0xFFFF_FFFFL))))
                .add(new GtdtBuilder()
                        .cntControlBase(data.consumeLong())
                        .cntReadBase(data.consumeLong())
                        .add(new GtdtTable.GtBlock(
                                data.consumeLong(),
                                1,
                                20,
                                List.of(new GtdtTable.GtFrame(
                                        0,
                                        data.consumeLong(),
                                        data.consumeLong(),
                                        new GtdtTable.Timer(58, 0),
                                        none,
                                        0))))
                        .add(new GtdtTable.Watchdog(data.consumeLong(), data.consumeLong(), 93, 0)))
                .add(new McfgBuilder()
                        .allocation(
                                data.consumeLong(),
                                data.consumeInt(0, 0xFFFF),
                                data.consumeInt(0, 0xFF),
                                data.consumeInt(0, 0xFF)))
                .add(new BertBuilder().region(data.consumeLong(), data.consumeLong(0, 0xFFFF_FFFFL)));
        PlatformDescriptor descriptor = PlatformDescriptor.builder()
                .ipaBits(data.consumeInt(32, 48))
                .xen(data.pickValue(XEN))
                .linux(data.pickValue(LINUX))
                .smmu(data.pickValue(SmmuMode.values()))
                .earlycon(data.consumeBoolean())
                .build();
        Platform p = new Platform("fuzz", AcpiTables.load(platform.build().image()), descriptor);
        Simulation.run(SimulationInput.of(p), data.pickValue(STRATEGIES));
    }
}
