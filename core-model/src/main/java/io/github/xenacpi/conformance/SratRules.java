package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.decoder.SratDecoder;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The SRAT against the MADT (GICC and ITS affinities name existing ones) and its memory ranges. */
final class SratRules implements RuleSet {

    private static final String SRAT = "ACPI 6.5 section 5.2.16";

    static final Rule GICC_UID = Rule.of(
            "SRAT.GICC.UID",
            WARNING,
            "A GICC affinity names a CPU of the MADT",
            "Linux acpi_numa_gicc_affinity_init maps the ACPI processor UID to a CPU through the MADT; an unknown"
                    + " UID leaves the affinity unused.",
            SRAT + ".5; Linux acpi_numa_gicc_affinity_init");
    static final Rule ITS_ID = Rule.of(
            "SRAT.ITS.ID",
            WARNING,
            "An ITS affinity names an ITS of the MADT",
            "Linux gic_acpi_parse_srat_its matches ITS affinities to MADT GIC ITS structures by ID.",
            SRAT + ".6; Linux gic_acpi_parse_srat_its");
    static final Rule MEMORY_OVERLAP = Rule.of(
            "SRAT.MEMORY.OVERLAP",
            WARNING,
            "Enabled memory affinity ranges do not overlap",
            "One physical address in two proximity domains; Linux numa_add_memblk then keeps one arbitrarily.",
            SRAT + ".2; Linux acpi_numa_memory_affinity_init");

    @Override
    public void check(CheckContext ctx) {
        Set<Long> uids = new HashSet<>();
        Set<Long> its = new HashSet<>();
        var madt = ctx.first("APIC", MadtTable.class);
        madt.ifPresent(m -> {
            m.structures(MadtTable.Gicc.class).forEach(g -> uids.add(g.processorUid()));
            m.structures(MadtTable.GicIts.class).forEach(g -> its.add(g.translationId()));
        });
        for (var d : ctx.all("SRAT", SratTable.class)) {
            LoadedTable t = d.loaded();
            List<Subtable> frames =
                    ctx.frames(t, SubtableFormat.TYPE8_LENGTH8, SratDecoder.STRUCTURES, "SRAT.affinity");
            List<SratTable.Affinity> all = d.table().affinities();
            List<long[]> memory = new ArrayList<>();
            for (int i = 0; i < Math.min(frames.size(), all.size()); i++) {
                Subtable f = frames.get(i);
                String path = f.path();
                SratTable.Affinity a = all.get(i);
                if (a instanceof SratTable.Gicc g && madt.isPresent() && !uids.contains(g.acpiProcessorUid())) {
                    ctx.report(
                            GICC_UID,
                            t,
                            f.offset()
                                    + SratDecoder.GICC.field("acpiProcessorUid").offset(),
                            path + ".acpiProcessorUid",
                            "%s: ACPI processor UID %d is no GICC of the MADT",
                            path,
                            g.acpiProcessorUid());
                } else if (a instanceof SratTable.GicIts g && madt.isPresent() && !its.contains(g.itsId())) {
                    ctx.report(
                            ITS_ID,
                            t,
                            f.offset() + SratDecoder.GIC_ITS.field("itsId").offset(),
                            path + ".itsId",
                            "%s: ITS ID %d is no GIC ITS of the MADT",
                            path,
                            g.itsId());
                } else if (a instanceof SratTable.Memory m && m.enabled() && m.length() > 0) {
                    long end = m.base() + m.length();
                    for (long[] o : memory) {
                        if (Long.compareUnsigned(m.base(), o[1]) < 0 && Long.compareUnsigned(o[0], end) < 0) {
                            ctx.report(
                                    MEMORY_OVERLAP,
                                    t,
                                    f.offset()
                                            + SratDecoder.MEMORY.field("base").offset(),
                                    path + ".base",
                                    "%s: range 0x%X-0x%X overlaps affinity[%d]'s 0x%X-0x%X",
                                    path,
                                    m.base(),
                                    end - 1,
                                    o[2],
                                    o[0],
                                    o[1] - 1);
                            break;
                        }
                    }
                    memory.add(new long[] {m.base(), end, i});
                }
            }
        }
    }
}
