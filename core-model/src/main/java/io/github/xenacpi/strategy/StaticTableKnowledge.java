package io.github.xenacpi.strategy;

import io.github.xenacpi.platform.XenVersion;
import java.util.Map;

/**
 * Which static tables a Xen of a given version would parse under the pre-map proposal (real Xen parses none
 * of them): a table is known when its specification was published before that Xen release. A modelling
 * choice of this project, documented in the site; dates are specification publication dates.
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

    private StaticTableKnowledge() {
    }

    static boolean knows(String signature, XenVersion xen) {
        XenVersion from = KNOWN_FROM.get(signature);
        return from != null && xen.atLeast(from);
    }
}
