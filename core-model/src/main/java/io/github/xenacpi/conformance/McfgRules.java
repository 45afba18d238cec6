package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.McfgTable;
import io.github.xenacpi.acpi.table.decoder.McfgDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The MCFG's ECAM allocations: present, aligned, ordered bus ranges, no overlaps, and one per PCIe segment. */
final class McfgRules implements RuleSet {

    static final Rule NO_ALLOCATIONS = Rule.of(
                    "MCFG.ALLOCATION.NONE",
                    WARNING,
                    "The MCFG lists an allocation",
                    "An MCFG without allocations describes no ECAM, so no PCIe segment can be enumerated.",
                    "PCI Firmware Specification 3.3 section 4.1.2")
            .fwts("MCFGNoEntries");
    static final Rule LENGTH = Rule.of(
                    "MCFG.LENGTH",
                    ERROR,
                    "The allocations fill the table exactly",
                    "The MCFG is the header, 8 reserved bytes and whole 16-byte allocations; a remainder means a wrong"
                            + " length or a cut allocation.",
                    "PCI Firmware Specification 3.3 section 4.1.2")
            .fwts("MCFGInvalidSize2");
    static final Rule BASE_ZERO = Rule.of(
            "MCFG.ALLOCATION.BASE_ZERO",
            ERROR,
            "An allocation has a base address",
            "A zero ECAM base makes Linux pci_ecam_create map physical page 0 as configuration space.",
            "PCI Firmware Specification 3.3 section 4.1.2; Linux pci_mcfg_lookup");
    static final Rule ALIGNMENT = Rule.of(
            "MCFG.ALLOCATION.ALIGNMENT",
            ERROR,
            "An ECAM base is aligned to 1 MiB",
            "Each bus owns 1 MiB of ECAM (bus number in address bits 20 to 27); a base that is not 1 MiB aligned"
                    + " puts every function's configuration space at the wrong address.",
            "PCI Express Base Specification 6.0 section 7.2.2; PCI Firmware Specification 3.3 section 4.1.2");
    static final Rule BUS_RANGE = Rule.of(
            "MCFG.ALLOCATION.BUS_RANGE",
            ERROR,
            "An allocation's end bus is not below its start bus",
            "An inverted bus range describes no bus; Linux computes a negative ECAM size from it.",
            "PCI Firmware Specification 3.3 section 4.1.2");
    static final Rule OVERLAP = Rule.of(
            "MCFG.ALLOCATION.OVERLAP",
            ERROR,
            "Allocations do not overlap",
            "Two allocations of one segment with overlapping bus ranges, or two ECAM windows sharing addresses,"
                    + " give one bus two configuration spaces or one address two buses; Linux uses the first"
                    + " match in pci_mcfg_lookup.",
            "PCI Firmware Specification 3.3 section 4.1.2");
    static final Rule ROOT_COMPLEX_SEGMENT = Rule.of(
            "MCFG.ROOT_COMPLEX.SEGMENT",
            ERROR,
            "Every PCIe root complex of the IORT has an ECAM allocation",
            "The IORT describes a PCIe root complex on a segment for which no MCFG allocation exists; Linux"
                    + " pci_acpi_scan_root then cannot find config space for the host bridge (unless a quirk"
                    + " or the host bridge's _CRS supplies it).",
            "PCI Firmware Specification 3.3 section 4.1.2; Linux pci_mcfg_lookup, iort_pci_iommu_init");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("MCFG", McfgTable.class)) {
            var t = d.loaded();
            List<McfgTable.Allocation> all = d.table().allocations();
            long bytes = Math.min(t.raw().size(), t.header().length()) - McfgDecoder.ALLOCATIONS;
            if (bytes >= 0 && bytes % McfgDecoder.ALLOCATION.size() != 0) {
                ctx.report(
                        LENGTH,
                        t,
                        McfgDecoder.ALLOCATIONS + bytes / 16 * 16,
                        "MCFG",
                        "%d bytes of allocations are not a whole number of 16-byte allocations",
                        bytes);
            }
            if (all.isEmpty() && t.raw().size() >= TableHeader.SIZE) {
                ctx.report(NO_ALLOCATIONS, t, McfgDecoder.ALLOCATIONS, "MCFG", "the MCFG lists no allocation");
            }
            for (int i = 0; i < all.size(); i++) {
                McfgTable.Allocation a = all.get(i);
                long at = McfgDecoder.ALLOCATIONS + (long) i * McfgDecoder.ALLOCATION.size();
                String path = "MCFG.allocation[" + i + "]";
                if (a.baseAddress() == 0) {
                    ctx.report(BASE_ZERO, t, at, path + ".baseAddress", "%s: base address is 0", path);
                } else if ((a.baseAddress() & 0xFFFFF) != 0) {
                    ctx.report(
                            ALIGNMENT,
                            t,
                            at,
                            path + ".baseAddress",
                            "%s: base address 0x%X is not aligned to 1 MiB",
                            path,
                            a.baseAddress());
                }
                if (a.endBus() < a.startBus()) {
                    ctx.report(
                            BUS_RANGE,
                            t,
                            at + McfgDecoder.ALLOCATION.field("endBus").offset(),
                            path + ".endBus",
                            "%s: end bus %d is below start bus %d",
                            path,
                            a.endBus(),
                            a.startBus());
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    if (overlap(ctx, d, all.get(j), j, a, i, at)) {
                        break; // one finding per allocation: the first earlier one it overlaps
                    }
                }
            }
        }
        rootComplexes(ctx);
    }

    /** Reports allocation {@code b} (index j) if it overlaps the earlier {@code a} (index i); true if it did. */
    private static boolean overlap(
            CheckContext ctx,
            CheckContext.Decoded<McfgTable> d,
            McfgTable.Allocation a,
            int i,
            McfgTable.Allocation b,
            int j,
            long at) {
        if (a.endBus() < a.startBus()) {
            return false;
        }
        String path = "MCFG.allocation[" + j + "]";
        if (a.segment() == b.segment() && a.startBus() <= b.endBus() && b.startBus() <= a.endBus()) {
            ctx.report(
                    OVERLAP,
                    d.loaded(),
                    at,
                    path,
                    "%s: segment %d buses %d-%d overlap allocation[%d]'s" + " buses %d-%d",
                    path,
                    b.segment(),
                    b.startBus(),
                    b.endBus(),
                    i,
                    a.startBus(),
                    a.endBus());
            return true;
        }
        long aStart = a.baseAddress() + ((long) a.startBus() << 20);
        long bStart = b.baseAddress() + ((long) b.startBus() << 20);
        if (Long.compareUnsigned(aStart, bStart + b.ecamLength()) < 0
                && Long.compareUnsigned(bStart, aStart + a.ecamLength()) < 0) {
            ctx.report(
                    OVERLAP,
                    d.loaded(),
                    at,
                    path,
                    "%s: ECAM window 0x%X-0x%X overlaps allocation[%d]'s window" + " 0x%X-0x%X",
                    path,
                    bStart,
                    bStart + b.ecamLength() - 1,
                    i,
                    aStart,
                    aStart + a.ecamLength() - 1);
            return true;
        }
        return false;
    }

    private static void rootComplexes(CheckContext ctx) {
        var iort = ctx.all("IORT", IortTable.class);
        if (iort.isEmpty()) {
            return;
        }
        Set<Integer> segments = new TreeSet<>();
        ctx.all("MCFG", McfgTable.class).forEach(m -> m.table().allocations().forEach(a -> segments.add(a.segment())));
        var d = iort.get(0);
        List<IortTable.Node> nodes = d.table().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof IortTable.RootComplex rc && !segments.contains((int) rc.pciSegment())) {
                ctx.report(
                        ROOT_COMPLEX_SEGMENT,
                        d.loaded(),
                        rc.common().offset(),
                        "IORT.node[" + i + "]",
                        "root complex of PCI segment %d has no MCFG allocation%s",
                        rc.pciSegment(),
                        ctx.has("MCFG") ? "" : " (there is no MCFG)");
            }
        }
    }
}
