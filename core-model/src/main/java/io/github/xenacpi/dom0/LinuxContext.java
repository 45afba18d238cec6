package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.aml.NamespaceSurvey;
import io.github.xenacpi.platform.LinuxVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What decides whether a table-described region has a Linux consumer besides its kind: the kernel version, the
 * SPCR early console, the enumerated ACPI ids a consumer binds to (MSFT0101 for the TPM, ACPI0017 for CXL), the
 * memory ranges of the TPM device's {@code _CRS}, and which PCCT subspaces are extended (types 3 and 4, told apart
 * by their command-update register, a field only those types have).
 */
record LinuxContext(LinuxVersion linux, boolean earlycon, Set<String> ids, List<DescribedRegion> tpmResources,
                    Set<String> extendedPccSubspaces) {

    /** tpm_crb's acpi_device_id table. */
    static final String TPM_CRB_ID = "MSFT0101";
    /** cxl_acpi binds the CXL root device. */
    static final String CXL_ROOT_ID = "ACPI0017";
    /**
     * cxl_acpi reaches a CEDT CHBS only through a CXL host bridge device whose _UID names it
     * ({@code add_host_bridge_dport}: {@code to_cxl_host_bridge} matches ACPI0016, then {@code cxl_get_chbs}).
     */
    static final String CXL_HOST_BRIDGE_ID = "ACPI0016";

    static LinuxContext of(LinuxVersion linux, boolean earlycon, NamespaceSurvey namespace,
                           List<DescribedRegion> regions) {
        Set<String> ids = new HashSet<>();
        Set<String> tpmPaths = new HashSet<>();
        for (NamespaceSurvey.DeviceInfo d : namespace.enumeratedDevices()) {
            if (d.hid() != null) {
                ids.add(d.hid());
            }
            ids.addAll(d.cids());
            if (TPM_CRB_ID.equals(d.hid()) || d.cids().contains(TPM_CRB_ID)) {
                tpmPaths.add(d.path());
            }
        }
        List<DescribedRegion> tpm = regions.stream().filter(r -> r.kind() == RegionKind.DEVICE_RESOURCE)
                .filter(r -> tpmPaths.contains(devicePath(r))).toList();
        Set<String> extended = new HashSet<>();
        for (DescribedRegion r : regions) {
            if (r.table().equals("PCCT") && r.path().endsWith(".commandCompleteUpdate")) {
                extended.add(subspaceOf(r));
            }
        }
        return new LinuxContext(linux, earlycon, Set.copyOf(ids), tpm, Set.copyOf(extended));
    }

    /** The PCCT subspace a region's path names ({@code PCCT.subspace[2]}), or the path itself. */
    static String subspaceOf(DescribedRegion r) {
        int close = r.path().indexOf(']');
        return close < 0 ? r.path() : r.path().substring(0, close + 1);
    }

    /** Whether the region belongs to a PCCT extended subspace (type 3 or 4). */
    boolean inExtendedPccSubspace(DescribedRegion r) {
        return r.table().equals("PCCT") && extendedPccSubspaces.contains(subspaceOf(r));
    }

    boolean has(String id) {
        return ids.contains(id);
    }

    /** Whether the TPM device's _CRS covers the whole range (tpm_crb then reuses its _CRS mapping). */
    boolean insideTpmResources(long base, long length) {
        return tpmResources.stream().anyMatch(r -> Long.compareUnsigned(r.base(), base) <= 0
                && Long.compareUnsigned(base + Math.max(1, length) - 1, r.lastByte()) <= 0);
    }

    static String devicePath(DescribedRegion r) {
        int at = r.path().lastIndexOf("._CRS[");
        return at < 0 ? r.path() : r.path().substring(0, at);
    }
}
