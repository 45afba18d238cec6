package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One breaking platform per MCFG, MADT and GTDT rule; {@link GoodPlatformTest} is the passing one. */
class McfgMadtGtdtRulesTest {

    /** Offset of the MADT structure after the two 82-byte GICCs of {@link TestPlatform#madt()}. */
    private static final long AFTER_GICCS = 44 + 2 * 82;

    private static void assertOne(TestPlatform p, Rule rule, long offset) {
        assertThat(p.findings(rule)).as(rule.id()).singleElement().satisfies(f -> {
            assertThat(f.offset()).isEqualTo(offset);
            assertThat(f.severity()).isEqualTo(rule.severity());
        });
    }

    private static TestPlatform withMadt(MadtBuilder madt) {
        return TestPlatform.good().with(madt);
    }

    private static MadtBuilder gicv3() {
        return TestPlatform.madt()
                .add(TestPlatform.gicd(3))
                .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
    }

    @Test
    void mcfgAllocations() {
        assertOne(TestPlatform.good().with(new McfgBuilder()), McfgRules.NO_ALLOCATIONS, 44);
        assertOne(TestPlatform.good().with(new McfgBuilder().allocation(0, 0, 0, 1)), McfgRules.BASE_ZERO, 44);
        assertOne(
                TestPlatform.good().with(new McfgBuilder().allocation(0x4008_0000L, 0, 0, 1)), McfgRules.ALIGNMENT, 44);
        assertOne(
                TestPlatform.good().with(new McfgBuilder().allocation(0x4000_0000L, 0, 3, 2)),
                McfgRules.BUS_RANGE,
                44 + 11);
        assertOne(
                TestPlatform.good()
                        .with(new McfgBuilder()
                                .allocation(0x4000_0000L, 0, 0, 7)
                                .allocation(0x5000_0000L, 0, 4, 9)),
                McfgRules.OVERLAP,
                60);
        assertOne(
                TestPlatform.good()
                        .with(new McfgBuilder()
                                .allocation(0x4000_0000L, 0, 0, 7)
                                .allocation(0x4000_0000L, 1, 0, 7)),
                McfgRules.OVERLAP,
                60);
        byte[] odd = TestPlatform.good().bytes("MCFG");
        odd = io.github.xenacpi.acpi.table.TableFixtures.fixChecksum(io.github.xenacpi.acpi.table.TableFixtures.patch(
                java.util.Arrays.copyOf(odd, odd.length + 4), 4, odd.length + 4, 4));
        assertOne(TestPlatform.good().with(odd), McfgRules.LENGTH, 60);
    }

    @Test
    void rootComplexNeedsAnAllocationOfItsSegment() {
        IortBuilder iort = TestPlatform.iort();
        IortBuilder.Node rc = iort.rootComplex(1);
        TestPlatform p = TestPlatform.good().with(iort);
        assertOne(p, McfgRules.ROOT_COMPLEX_SEGMENT, iort.offsetOf(rc));
    }

    @Test
    void madtRevisionAndFlags() {
        assertOne(withMadt(gicv3().revision(2)), MadtRules.ARCH_REVISION, 8);
        assertOne(withMadt(gicv3().flags(2)), MadtRules.FLAGS_RESERVED, 40);
        TestPlatform noPsci =
                withMadt(gicv3().revision(7)).with(TestPlatform.fadt().set("armBootArch", 0));
        assertOne(noPsci, MadtRules.PSCI, 8);
        assertThat(withMadt(gicv3().revision(7)).findings(MadtRules.PSCI)).isEmpty();
    }

    @Test
    void giccIdentities() {
        assertOne(withMadt(gicv3().gicc(2, 1, 0)), MadtRules.MPIDR_UNIQUE, AFTER_GICCS + 24 + 16 + 20 + 68);
        assertOne(withMadt(gicv3().gicc(1, 2, 0)), MadtRules.UID_UNIQUE, AFTER_GICCS + 24 + 16 + 20 + 8);
        assertOne(
                withMadt(gicv3().gicc(2, 0xFF00_0000L, 0)), MadtRules.MPIDR_RESERVED, AFTER_GICCS + 24 + 16 + 20 + 68);
        MadtBuilder disabledFirst = new MadtBuilder()
                .add(MadtTable.Gicc.builder()
                        .performanceInterruptGsiv(23)
                        .vgicMaintenanceInterrupt(25)
                        .build())
                .gicc(1, 1, 0)
                .add(TestPlatform.gicd(3))
                .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
        assertOne(withMadt(disabledFirst), MadtRules.BOOT_FIRST, 44 + 12);
    }

    @Test
    void giccFlagsAndParking() {
        assertOne(withMadt(gicv3().add(gicc(2, 1 | 1 << 5, 0))), MadtRules.GICC_FLAGS, AFTER_GICCS + 60 + 12);
        assertOne(
                withMadt(gicv3().add(gicc(2, 1 | MadtTable.Gicc.ONLINE_CAPABLE, 0))),
                MadtRules.ENABLED_ONLINE,
                AFTER_GICCS + 60 + 12);
        assertOne(withMadt(gicv3().add(gicc(2, 1, 2))), MadtRules.PARKING, AFTER_GICCS + 60 + 16);
        assertOne(withMadt(gicv3().revision(7).add(gicc(2, 1, 1))), MadtRules.PARKING, AFTER_GICCS + 60 + 16);
    }

    private static MadtTable.Gicc gicc(long uid, long flags, long parking) {
        return MadtTable.Gicc.builder()
                .processorUid(uid)
                .flags(flags)
                .parkingProtocolVersion(parking)
                .performanceInterruptGsiv(23)
                .vgicMaintenanceInterrupt(25)
                .mpidr(uid)
                .build();
    }

    @Test
    void distributor() {
        assertOne(withMadt(TestPlatform.madt()), MadtRules.GICD_REQUIRED, -1);
        assertOne(withMadt(gicv3().add(TestPlatform.gicd(3))), MadtRules.GICD_SINGLE, AFTER_GICCS + 60);
        assertOne(
                withMadt(TestPlatform.madt()
                        .add(new MadtTable.Gicd(0, TestPlatform.GICD_BASE, 1, 3))
                        .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                        .add(new MadtTable.GicIts(0, 0x0808_0000L))),
                MadtRules.GICD_VECTOR_BASE,
                AFTER_GICCS + 16);
        assertOne(
                withMadt(TestPlatform.madt()
                        .add(TestPlatform.gicd(5))
                        .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                        .add(new MadtTable.GicIts(0, 0x0808_0000L))),
                MadtRules.GICD_VERSION,
                AFTER_GICCS + 20);
    }

    @Test
    void redistributors() {
        MadtBuilder none = TestPlatform.madt().add(TestPlatform.gicd(3)).add(new MadtTable.GicIts(0, 0x0808_0000L));
        assertOne(withMadt(none), MadtRules.GICR_REQUIRED, -1);
        MadtBuilder perCpu = new MadtBuilder()
                .gicc(0, 0, 0x080A_0000L)
                .gicc(1, 1, 0x080C_0000L)
                .add(TestPlatform.gicd(3))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
        assertThat(withMadt(perCpu).findings(MadtRules.GICR_REQUIRED)).isEmpty();
        MadtBuilder mixed = new MadtBuilder()
                .gicc(0, 0, 0x080A_0000L)
                .gicc(1, 1, 0)
                .add(TestPlatform.gicd(3))
                .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
        assertOne(withMadt(mixed), MadtRules.GICR_BASE_MIXED, 44 + 60);
        MadtBuilder empty = TestPlatform.madt()
                .add(TestPlatform.gicd(3))
                .add(new MadtTable.Gicr(0x080A_0000L, 0))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
        assertOne(withMadt(empty), MadtRules.GICR_LENGTH, AFTER_GICCS + 24 + 12);
    }

    @Test
    void itsAndMsiFrames() {
        assertOne(
                withMadt(gicv3().add(new MadtTable.GicIts(0, 0x0809_0000L))),
                MadtRules.ITS_UNIQUE,
                AFTER_GICCS + 24 + 16 + 20 + 4);
        MadtBuilder msi = gicv3().add(new MadtTable.GicMsiFrame(1, 0x0802_0000L, 0, 0, 0))
                .add(new MadtTable.GicMsiFrame(1, 0x0803_0000L, 2, 0, 0));
        TestPlatform p = withMadt(msi);
        assertOne(p, MadtRules.MSI_UNIQUE, AFTER_GICCS + 60 + 24 + 4);
        assertOne(p, MadtRules.MSI_FLAGS, AFTER_GICCS + 60 + 24 + 16);
    }

    @Test
    void gtdtCounterBases() {
        assertOne(TestPlatform.good().with(TestPlatform.gtdt().cntControlBase(0)), GtdtRules.CONTROL_BASE, 36);
        assertOne(TestPlatform.good().with(TestPlatform.gtdt().cntReadBase(0)), GtdtRules.READ_BASE, 80);
    }

    @Test
    void gtdtPerCpuTimers() {
        GtdtTable.Timer ok = new GtdtTable.Timer(29, 0);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.gtdt()
                                .timers(
                                        new GtdtTable.Timer(29, 8),
                                        new GtdtTable.Timer(30, 0),
                                        new GtdtTable.Timer(27, 0),
                                        new GtdtTable.Timer(26, 0),
                                        new GtdtTable.Timer(28, 0))),
                GtdtRules.TIMER_FLAGS,
                52);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.gtdt()
                                .timers(
                                        ok,
                                        new GtdtTable.Timer(30, 0),
                                        new GtdtTable.Timer(27, 0),
                                        new GtdtTable.Timer(0, 0),
                                        new GtdtTable.Timer(28, 0))),
                GtdtRules.TIMER_MISSING,
                72);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.gtdt()
                                .timers(
                                        ok,
                                        new GtdtTable.Timer(40, 0),
                                        new GtdtTable.Timer(27, 0),
                                        new GtdtTable.Timer(26, 0),
                                        new GtdtTable.Timer(28, 0))),
                GtdtRules.TIMER_PPI,
                56);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.gtdt()
                                .timers(
                                        ok,
                                        new GtdtTable.Timer(30, 0),
                                        new GtdtTable.Timer(30, 0),
                                        new GtdtTable.Timer(26, 0),
                                        new GtdtTable.Timer(28, 0))),
                GtdtRules.INTERRUPT_CONFLICT,
                64);
        // 25 is the GICC VGIC maintenance interrupt of the reference MADT.
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.gtdt()
                                .timers(
                                        ok,
                                        new GtdtTable.Timer(30, 0),
                                        new GtdtTable.Timer(27, 0),
                                        new GtdtTable.Timer(25, 0),
                                        new GtdtTable.Timer(28, 0))),
                GtdtRules.INTERRUPT_CONFLICT,
                72);
    }

    @Test
    void gtdtPlatformTimers() {
        long block = 104;
        long frame = block + 20;
        GtdtTable.GtFrame good = new GtdtTable.GtFrame(
                0, 0x2A82_0000L, GtdtTable.NOT_PROVIDED, new GtdtTable.Timer(58, 0), new GtdtTable.Timer(59, 0), 0);
        assertOne(gtBlock(0, good), GtdtRules.BLOCK_BASE, block + 4);
        assertOne(
                gtBlock(
                        0x2A81_0000L,
                        new GtdtTable.GtFrame(
                                0,
                                0,
                                GtdtTable.NOT_PROVIDED,
                                new GtdtTable.Timer(58, 0),
                                new GtdtTable.Timer(59, 0),
                                0)),
                GtdtRules.FRAME_BASE,
                frame + 4);
        assertOne(
                gtBlock(
                        0x2A81_0000L,
                        new GtdtTable.GtFrame(
                                0, 0x2A82_0000L, 0, new GtdtTable.Timer(58, 0), new GtdtTable.Timer(59, 0), 0)),
                GtdtRules.FRAME_EL0_BASE,
                frame + 12);
        assertOne(
                gtBlock(
                        0x2A81_0000L,
                        new GtdtTable.GtFrame(
                                0,
                                0x2A82_0000L,
                                GtdtTable.NOT_PROVIDED,
                                new GtdtTable.Timer(58, 0),
                                new GtdtTable.Timer(59, 0),
                                4)),
                GtdtRules.FRAME_FLAGS,
                frame + 36);
        GtdtBuilder dog = new GtdtBuilder().add(new GtdtTable.Watchdog(0, 0x2A44_0000L, 93, 0));
        assertOne(TestPlatform.good().with(dog), GtdtRules.WATCHDOG_BASE, block + 4);
        GtdtBuilder flags = new GtdtBuilder().add(new GtdtTable.Watchdog(0x2A45_0000L, 0x2A44_0000L, 93, 8));
        assertOne(TestPlatform.good().with(flags), GtdtRules.WATCHDOG_FLAGS, block + 24);
    }

    private static TestPlatform gtBlock(long cntCtlBase, GtdtTable.GtFrame frame) {
        return TestPlatform.good()
                .with(new GtdtBuilder().add(new GtdtTable.GtBlock(cntCtlBase, 1, 20, List.of(frame))));
    }

    @Test
    void oneOffIdMappingOverlapIsAWarning() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0)
                .set("cacheCoherency", 1)
                .set("memoryAccessFlags", 1)
                .mapping(0, 0x100, 0, its, 0)
                .mapping(0x100, 0xFF, 0x100, its, 0);
        List<Finding> f = TestPlatform.good().with(b).findings(IortRules.IDMAP_OVERLAP);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.offset()).isEqualTo(b.offsetOf(rc) + rcMappingOffset() + 20);
        });
    }

    static long rcMappingOffset() {
        return io.github.xenacpi.acpi.table.decoder.IortDecoder.ROOT_COMPLEX.size();
    }
}
