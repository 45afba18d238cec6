package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import java.util.List;

/**
 * Platforms made in memory by the table builders, for running the tool without firmware at hand: what the
 * inspect entry point shows when given no path.
 */
public final class DemoPlatforms {

    private DemoPlatforms() {
    }

    /**
     * A small ARM64 server in the shape of QEMU's virt machine with a few server tables: HW-reduced FADT with
     * PSCI, GICv3 with a redistributor range and an ITS, architected and memory-mapped timers with an SBSA
     * watchdog, a PL011 console, two PCI segments' ECAM windows, an SMMUv3 in front of a root complex, a boot
     * error region, a TPM with a CRB control area, and a DSDT whose AML reads a SystemMemory
     * OperationRegion at boot.
     */
    public static FirmwareImage demo() {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        IortBuilder iort = new IortBuilder().revision(0);
        IortBuilder.Node its = iort.itsGroup(0);
        IortBuilder.Node smmu = iort.smmuV3(0x0905_0000L).set("eventGsiv", 106).set("gerrGsiv", 107)
                .set("syncGsiv", 108).mapping(0, 0xFFFF, 0, its, 0);
        iort.rootComplex(0).set("cacheCoherency", 1).mapping(0, 0xFFFF, 0, smmu, 0);
        return PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt())
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0)
                        .gicc(1, 0x1, 0)
                        .add(new MadtTable.Gicr(0x080A_0000L, 0x40000))
                        .add(new MadtTable.GicIts(0, 0x0808_0000L)))
                .add(new GtdtBuilder().timers(new GtdtTable.Timer(29, 0), new GtdtTable.Timer(30, 0),
                                new GtdtTable.Timer(27, 0), new GtdtTable.Timer(26, 0), none)
                        .add(new GtdtTable.GtBlock(0x2A81_0000L, 1, 20, List.of(new GtdtTable.GtFrame(0,
                                0x2A82_0000L, GtdtTable.NOT_PROVIDED, new GtdtTable.Timer(58, 0), none, 0))))
                        .add(new GtdtTable.Watchdog(0x2A44_0000L, 0x2A45_0000L, 93, 0)))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new McfgBuilder()
                        .allocation(0x40_1000_0000L, 0, 0, 0xFF)
                        .allocation(0x30_0000_0000L, 1, 0x10, 0x1F))
                .add(iort)
                .add(new BertBuilder().region(0xFFFF_0000L, 0x2000))
                .add(new Tpm2Builder().controlAddress(0x0C00_0040L).startMethod(7))
                .build()
                .image();
    }

    /**
     * A DSDT with one platform device whose {@code _CRS} has a memory range, and a SystemMemory
     * OperationRegion that {@code \_SB._INI} reads while Linux loads the namespace.
     */
    private static DefinitionBlockBuilder dsdt() {
        byte[] crs = new ResourceTemplateBuilder().memory32Fixed(true, 0x0C10_0000L, 0x1000).build();
        return DefinitionBlockBuilder.dsdt().content(root -> root.scope("\\_SB", sb -> sb
                .device("PWRC", dev -> dev
                        .hid("XACP0001")
                        .uid(0)
                        .crs(crs)
                        .operationRegion("PWRR", AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(0x0C20_0000L),
                                AmlTerm.integer(0x100))
                        .field("PWRR", FieldAccessType.DWORD, false, FieldUpdateRule.PRESERVE,
                                units -> units.unit("STAT", 32))
                        .name("LAST", AmlTerm.integer(0)))
                .method("_INI", 0, false, ini -> ini
                        .store(AmlTerm.name("\\_SB.PWRC.STAT"), AmlTerm.name("\\_SB.PWRC.LAST")))));
    }
}
