package io.github.xenacpi.platform.preset;

import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.resource.Polarity;
import io.github.xenacpi.aml.resource.Sharing;
import io.github.xenacpi.aml.resource.Trigger;
import io.github.xenacpi.aml.resource.Usage;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PCIe host bridge of QEMU 7.2's virt DSDT ({@code acpi_dsdt_add_pci}, hw/arm/virt-acpi-build.c and
 * hw/pci-host/gpex-acpi.c): PCI0 with segment and bus 0, its _PRT routing the four INTx pins of the 32 slots over the
 * links GSI0 to GSI3 (SPIs 35 to 38, swizzled by slot), _CBA (the ECAM base), _CRS (bus numbers 0-255, the 32-bit
 * and 64-bit memory windows and the I/O window) and RES0, which reserves the ECAM.
 */
final class QemuVirtPci {
    /** QEMU virt's first PCIe INTx SPI (GSI 35). */
    private static final int FIRST_INTX = 0x23;

    private QemuVirtPci() {}

    static void pci0(TermListBuilder d) {
        d.hid("PNP0A08")
                .name("_CID", AmlTerm.string("PNP0A03"))
                .name("_SEG", AmlTerm.integer(0))
                .name("_BBN", AmlTerm.integer(0))
                .uid(0)
                .name("_CCA", AmlTerm.integer(1));
        List<AmlTerm> prt = new ArrayList<>();
        for (int slot = 0; slot < 32; slot++) {
            for (int pin = 0; pin < 4; pin++) {
                prt.add(AmlTerm.pack(
                        AmlTerm.integer(((long) slot << 16) | 0xFFFF),
                        AmlTerm.integer(pin),
                        AmlTerm.name("GSI" + (slot + pin) % 4),
                        AmlTerm.integer(0)));
            }
        }
        d.name("_PRT", AmlTerm.pack(prt.toArray(AmlTerm[]::new)));
        for (int link = 0; link < 4; link++) {
            byte[] irq = new ResourceTemplateBuilder()
                    .interrupt(
                            Usage.CONSUMER, Trigger.LEVEL, Polarity.ACTIVE_HIGH, Sharing.EXCLUSIVE, FIRST_INTX + link)
                    .build();
            int uid = link;
            d.device(
                    String.format(Locale.ROOT, "GSI%d", link),
                    g -> g.hid("PNP0C0F")
                            .uid(uid)
                            .name("_PRS", AmlTerm.buffer(irq))
                            .crs(irq)
                            .method("_SRS", 1, false, m -> {}));
        }
        d.method("_CBA", 0, false, m -> m.returns(AmlTerm.integer(Preset.QEMU_ECAM)));
        d.crs(new ResourceTemplateBuilder()
                .wordAddress(AddressSpec.busNumber()
                        .usage(Usage.PRODUCER)
                        .minFixed(true)
                        .maxFixed(true)
                        .range(0, 0, 0xFF, 0, 0x100))
                .dwordAddress(AddressSpec.memory()
                        .usage(Usage.PRODUCER)
                        .minFixed(true)
                        .maxFixed(true)
                        .range(0, 0x1000_0000L, 0x3EFE_FFFFL, 0, 0x2EFF_0000L))
                .dwordAddress(AddressSpec.io()
                        .usage(Usage.PRODUCER)
                        .minFixed(true)
                        .maxFixed(true)
                        .range(0, 0, 0xFFFF, 0x3EFF_0000L, 0x1_0000L))
                .qwordAddress(AddressSpec.memory()
                        .usage(Usage.PRODUCER)
                        .minFixed(true)
                        .maxFixed(true)
                        .range(0, 0x80_0000_0000L, 0xFF_FFFF_FFFFL, 0, 0x80_0000_0000L))
                .build());
        d.device(
                "RES0",
                r -> r.hid("PNP0C02")
                        .crs(new ResourceTemplateBuilder()
                                .qwordAddress(AddressSpec.memory()
                                        .usage(Usage.PRODUCER)
                                        .minFixed(true)
                                        .maxFixed(true)
                                        .range(0, Preset.QEMU_ECAM, Preset.QEMU_ECAM + 0x0FFF_FFFFL, 0, 0x1000_0000L))
                                .build()));
    }
}
