package io.github.xenacpi.conformance;

import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PpttBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.SratBuilder;
import io.github.xenacpi.platform.builder.TableBuilder;
import io.github.xenacpi.platform.builder.TableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A builder-made platform for rule tests: {@link #good()} is an Arm server that breaks no rule of any profile
 * (only SBBR's recommended-table notes remain); tests replace or drop one table to break one rule.
 */
final class TestPlatform {

    static final long GICD_BASE = 0x0800_0000L;
    static final long UART_BASE = 0x0900_0000L;

    private final Map<String, byte[]> tables = new LinkedHashMap<>();

    /** The platform every rule passes. */
    static TestPlatform good() {
        TestPlatform p = new TestPlatform();
        p.with(TableWriter.withHeader("XSDT", 1, OemIdentity.DEFAULT)
                .u64(0x8000_1000L)
                .finish());
        p.with(fadt());
        p.with(TableWriter.withHeader("DSDT", 2, OemIdentity.DEFAULT).finish());
        p.with(madt().add(gicd(3))
                .add(new MadtTable.Gicr(0x080A_0000L, 0x20_0000L))
                .add(new MadtTable.GicIts(0, 0x0808_0000L)));
        p.with(gtdt());
        p.with(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 255));
        p.with(spcr());
        p.with(new Dbg2Builder()
                .device(Dbg2Table.PORT_SERIAL, 0x0E, "\\_SB.COM0", new byte[0], Dbg2Builder.memory(UART_BASE, 0x1000)));
        p.with(iort());
        p.with(pptt());
        p.with(new SratBuilder()
                .add(new SratTable.Gicc(0, 0, 1, 0))
                .add(new SratTable.Gicc(0, 1, 1, 0))
                .add(new SratTable.GicIts(0, 0))
                .add(new SratTable.Memory(0, 0x8000_0000L, 0x4000_0000L, 1)));
        return p;
    }

    /** A hardware-reduced PSCI FADT 6.5 with a DSDT address. */
    static FadtBuilder fadt() {
        return new FadtBuilder().hardwareReducedArm(false).set("xDsdt", 0x8000_2000L);
    }

    /** A MADT with two enabled GICCs (UIDs 0 and 1, MPIDRs 0 and 1); tests add the GICD and the rest. */
    static MadtBuilder madt() {
        return new MadtBuilder().gicc(0, 0, 0).gicc(1, 1, 0);
    }

    static MadtTable.Gicd gicd(int version) {
        return new MadtTable.Gicd(0, GICD_BASE, 0, version);
    }

    /** The default GTDT with a GT block of one frame and a watchdog. */
    static GtdtBuilder gtdt() {
        return new GtdtBuilder()
                .add(new GtdtTable.GtBlock(
                        0x2A81_0000L,
                        1,
                        20,
                        List.of(new GtdtTable.GtFrame(
                                0,
                                0x2A82_0000L,
                                GtdtTable.NOT_PROVIDED,
                                new GtdtTable.Timer(58, 0),
                                new GtdtTable.Timer(59, 0),
                                0))))
                .add(new GtdtTable.Watchdog(0x2A45_0000L, 0x2A44_0000L, 93, 0));
    }

    /** An SBSA UART console with a GIC interrupt, 8N1, not on PCI. */
    static SpcrBuilder spcr() {
        return new SpcrBuilder()
                .set("interruptType", 8)
                .set("gsiv", 33)
                .set("stopBits", 1)
                .set("pciDeviceId", 0xFFFF)
                .set("pciVendorId", 0xFFFF);
    }

    /** An ITS group, an SMMUv3 mapping to it and a root complex of segment 0 behind the SMMU. */
    static IortBuilder iort() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node smmu = b.smmuV3(0x2B40_0000L).mapping(0, 0xFFFF, 0, its, 0);
        b.rootComplex(0).set("cacheCoherency", 1).set("memoryAccessFlags", 1).mapping(0, 0xFFFF, 0, smmu, 0);
        return b;
    }

    /** One package of two leaf CPUs with ACPI processor IDs 0 and 1. */
    static PpttBuilder pptt() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure pkg = b.processor(1, null, 0);
        b.processor(0xA, pkg, 0);
        b.processor(0xA, pkg, 1);
        return b;
    }

    /** Replaces (or adds) the table of the builder's signature. */
    TestPlatform with(TableBuilder builder) {
        return with(TableFixtures.bytes(builder));
    }

    /** Replaces (or adds) the table of the signature in these bytes. */
    TestPlatform with(byte[] bytes) {
        tables.put(TableFixtures.raw(bytes).signature(), bytes);
        return this;
    }

    /** Drops the table of a signature. */
    TestPlatform without(String signature) {
        tables.remove(signature);
        return this;
    }

    /** The bytes of a table, as they will be decoded. */
    byte[] bytes(String signature) {
        return tables.get(signature).clone();
    }

    AcpiTables tables() {
        List<RawTable> raws = new ArrayList<>();
        tables.values().forEach(b -> raws.add(TableFixtures.raw(b)));
        return AcpiTables.load(new FirmwareImage(Path.of("test"), SourceFormat.BUILDER, raws, List.of()));
    }

    /** The findings of every profile. */
    List<Finding> run() {
        return ConformanceCheck.run(tables(), Profile.values());
    }

    /** The findings of one rule under every profile. */
    List<Finding> findings(Rule rule) {
        return run().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    }

    /** The findings of one rule under the given profiles only (and {@link Profile#ACPI}). */
    List<Finding> findings(Rule rule, Profile first, Profile... more) {
        Profile[] all = new Profile[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return ConformanceCheck.run(tables(), all).stream()
                .filter(f -> f.ruleId().equals(rule.id()))
                .toList();
    }
}
