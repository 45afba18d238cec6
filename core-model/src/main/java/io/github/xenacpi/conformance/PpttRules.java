package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.PpttTable;
import io.github.xenacpi.acpi.table.decoder.PpttDecoder;
import java.util.HashSet;
import java.util.Set;

/** The PPTT: reserved flag and attribute bits, and a processor node for every enabled CPU of the MADT. */
final class PpttRules implements RuleSet {

    private static final String PPTT = "ACPI 6.5 section 5.2.30";

    static final Rule PROCESSOR_FLAGS = Rule.of(
                    "PPTT.PROCESSOR.FLAGS.RESERVED",
                    WARNING,
                    "Processor node flag bits 5 to 31 are zero",
                    "ACPI 6.5 defines flag bits 0 to 4.",
                    PPTT)
            .fwts("PPTTReservedBitsNonZero");
    static final Rule CACHE_FLAGS = Rule.of(
                    "PPTT.CACHE.FLAGS.RESERVED",
                    WARNING,
                    "Cache flag bits past the revision's last are zero",
                    "Revision 2 defines bits 0 to 6, revision 3 adds bit 7 (cache ID valid).",
                    PPTT)
            .fwts("PPTTReservedBitsNonZero");
    static final Rule CACHE_ATTRIBUTES = Rule.of(
                    "PPTT.CACHE.ATTRIBUTES.RESERVED",
                    WARNING,
                    "Cache attribute bits 5 to 7 are zero",
                    "Only allocation type, cache type and write policy are defined.",
                    PPTT)
            .fwts("PPTTReservedBitsNonZero");
    static final Rule MADT_CPU = Rule.of(
            "PPTT.PROCESSOR.MADT",
            WARNING,
            "Every enabled CPU of the MADT has a PPTT processor node",
            "Linux find_acpi_cpu_topology looks up each CPU's node by its GICC ACPI processor UID; a CPU without"
                    + " one gets no cache or topology information (\"PPTT table found, but unable to locate"
                    + " core\").",
            PPTT + "; Linux acpi_find_processor_node");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("PPTT", PpttTable.class)) {
            LoadedTable t = d.loaded();
            Set<Long> ids = new HashSet<>();
            long cacheDefined = t.header().revision() >= 3 ? 0xFF : 0x7F;
            for (PpttTable.Node n : d.table().nodes()) {
                String path = "PPTT@0x" + Integer.toHexString(n.offset());
                if (n instanceof PpttTable.ProcessorHierarchy p) {
                    if (p.isAcpiProcessorIdValid()) {
                        ids.add(p.acpiProcessorId());
                    }
                    if ((p.flags() & ~0x1FL) != 0) {
                        ctx.report(
                                PROCESSOR_FLAGS,
                                t,
                                n.offset()
                                        + PpttDecoder.PROCESSOR.field("flags").offset(),
                                path + ".flags",
                                "%s: flags 0x%X set reserved bits",
                                path,
                                p.flags());
                    }
                } else if (n instanceof PpttTable.Cache c) {
                    if ((c.flags() & ~cacheDefined) != 0) {
                        ctx.report(
                                CACHE_FLAGS,
                                t,
                                n.offset() + PpttDecoder.CACHE.field("flags").offset(),
                                path + ".flags",
                                "%s: flags 0x%X set reserved bits",
                                path,
                                c.flags());
                    }
                    if ((c.attributes() & ~0x1F) != 0) {
                        ctx.report(
                                CACHE_ATTRIBUTES,
                                t,
                                n.offset()
                                        + PpttDecoder.CACHE.field("attributes").offset(),
                                path + ".attributes",
                                "%s: attributes 0x%X set reserved bits",
                                path,
                                c.attributes());
                    }
                }
            }
            ctx.first("APIC", MadtTable.class).ifPresent(m -> {
                for (MadtTable.Gicc g : m.structures(MadtTable.Gicc.class)) {
                    if ((g.flags() & MadtTable.Gicc.ENABLED) != 0 && !ids.contains(g.processorUid())) {
                        ctx.report(
                                MADT_CPU,
                                t,
                                -1,
                                "PPTT",
                                "the CPU of GICC processor UID %d has no processor node"
                                        + " with that ACPI processor ID",
                                g.processorUid());
                    }
                }
            });
        }
    }
}
