package io.github.xenacpi.strategy;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.XenVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which static tables a Xen of a given version would parse under the pre-map proposal (real Xen parses none
 * of them): a table is known when its specification was published before that Xen release. An old signature
 * does not make every structure in it known: subtable types and fields added by later revisions are known only
 * from the first Xen after their own specification (PCCT extended subspaces, types 3 and 4, ACPI 6.2, May 2017;
 * the PCCT HW-registers subspace, type 5, ACPI 6.4, January 2021; the TPM2 log fields LAML/LASA, TCG ACPI
 * specification 1.2, 2017; IORT RMR nodes, IORT E.b, 2021). A modelling choice of this project, documented in
 * the site; dates are specification publication dates.
 */
final class StaticTableKnowledge {
    /** First Xen release (major.minor) after each table's specification appeared. */
    private static final Map<String, XenVersion> KNOWN_FROM = Map.ofEntries(
            Map.entry("MCFG", XenVersion.V4_7),
            Map.entry("BERT", XenVersion.V4_7),
            Map.entry("HEST", XenVersion.V4_7),
            Map.entry("ERST", XenVersion.V4_7),
            Map.entry("EINJ", XenVersion.V4_7),
            Map.entry("TPM2", XenVersion.V4_7),
            Map.entry("PCCT", XenVersion.V4_7),
            Map.entry("GTDT", XenVersion.V4_7),
            Map.entry("SPCR", XenVersion.V4_7),
            Map.entry("DBG2", XenVersion.V4_7),
            Map.entry("IORT", XenVersion.V4_7),
            Map.entry("FPDT", XenVersion.V4_7),
            Map.entry("WDAT", XenVersion.V4_7),
            Map.entry("MADT", XenVersion.V4_7),
            Map.entry("APIC", XenVersion.V4_7),
            Map.entry("FACP", XenVersion.V4_7),
            // Arm DEN 0085 (AEST) 2020, ACPI 6.4 CEDT 2021, Arm DEN 0065 (MPAM) 2021, Arm DEN 0117 (APMT) 2022.
            Map.entry("AEST", new XenVersion(4, 14)),
            Map.entry("CEDT", XenVersion.V4_16),
            Map.entry("MPAM", XenVersion.V4_16),
            Map.entry("APMT", XenVersion.V4_17));

    /** Region kinds from a later revision of an older table: the first Xen after their specification. */
    private static final Map<RegionKind, XenVersion> KIND_KNOWN_FROM = Map.of(
            RegionKind.TPM_EVENT_LOG, XenVersion.V4_10,
            RegionKind.RMR, XenVersion.V4_15);

    private StaticTableKnowledge() {}

    /**
     * Whether Xen of this version knows the structure that describes the region: its table's signature, and for
     * later subtable types and fields their own revision. {@code regions} are all the platform's regions, which
     * tell a PCCT subspace's type by the registers it describes (command update only in types 3 and 4, command
     * complete and error status also in type 5).
     */
    static boolean knows(DescribedRegion r, List<DescribedRegion> regions, XenVersion xen) {
        if (!knows(r.table(), xen)) {
            return false;
        }
        XenVersion kind = KIND_KNOWN_FROM.get(r.kind());
        if (kind != null && !xen.atLeast(kind)) {
            return false;
        }
        if (r.table().equals("PCCT")) {
            String subspace = subspaceOf(r);
            Set<String> fields = new HashSet<>();
            for (DescribedRegion o : regions) {
                if (o.table().equals("PCCT") && subspaceOf(o).equals(subspace)) {
                    fields.add(o.path().substring(subspace.length()));
                }
            }
            if (fields.contains(".commandCompleteUpdate")) {
                return xen.atLeast(XenVersion.V4_9);
            }
            if (fields.contains(".commandCompleteCheck") || fields.contains(".errorStatus")) {
                return xen.atLeast(XenVersion.V4_15);
            }
        }
        return true;
    }

    private static String subspaceOf(DescribedRegion r) {
        int close = r.path().indexOf(']');
        return close < 0 ? r.path() : r.path().substring(0, close + 1);
    }

    static boolean knows(String signature, XenVersion xen) {
        XenVersion from = KNOWN_FROM.get(signature);
        return from != null && xen.atLeast(from);
    }
}
