package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.EinjTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.LinuxVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What decides whether a table-described region has a Linux consumer besides its kind: the kernel version, the
 * SPCR early console, the enumerated ACPI ids a consumer binds to (MSFT0101 for the TPM, ACPI0017 for CXL), the
 * memory ranges of the TPM device's {@code _CRS}, and which PCCT subspaces are extended (types 3 and 4, told apart
 * by their command-update register, a field only those types have), and the EINJ register region that holds the
 * parameter block {@code einj_get_parameter_address} reads at module init (empty without host tables).
 */
record LinuxContext(
        LinuxVersion linux,
        boolean earlycon,
        Set<String> ids,
        List<DescribedRegion> tpmResources,
        Set<String> extendedPccSubspaces,
        String einjParameterBlock) {

    /** ACPI_EINJ_SET_ERROR_TYPE_WITH_ADDRESS (ACPI 5.0). */
    static final int EINJ_SET_ERROR_TYPE_WITH_ADDRESS = 0x08;
    /** ACPI_EINJ_WRITE_REGISTER. */
    static final int EINJ_WRITE_REGISTER = 0x02;
    /** {@code sizeof(struct set_error_type_with_address)}: four u32, two u64 and one u32 (36 bytes), padded to 40. */
    static final long EINJ_V5_PARAMETERS = 40;

    LinuxContext(
            LinuxVersion linux,
            boolean earlycon,
            Set<String> ids,
            List<DescribedRegion> tpmResources,
            Set<String> extendedPccSubspaces) {
        this(linux, earlycon, ids, tpmResources, extendedPccSubspaces, "");
    }

    /** tpm_crb's acpi_device_id table. */
    static final String TPM_CRB_ID = "MSFT0101";
    /** cxl_acpi binds the CXL root device. */
    static final String CXL_ROOT_ID = "ACPI0017";
    /**
     * cxl_acpi reaches a CEDT CHBS only through a CXL host bridge device whose _UID names it
     * ({@code add_host_bridge_dport}: {@code to_cxl_host_bridge} matches ACPI0016, then {@code cxl_get_chbs}).
     */
    static final String CXL_HOST_BRIDGE_ID = "ACPI0016";

    static LinuxContext of(
            LinuxVersion linux,
            boolean earlycon,
            NamespaceSurvey namespace,
            List<DescribedRegion> regions,
            AcpiTables host) {
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
        List<DescribedRegion> tpm = regions.stream()
                .filter(r -> r.kind() == RegionKind.DEVICE_RESOURCE)
                .filter(r -> tpmPaths.contains(devicePath(r)))
                .toList();
        Set<String> extended = new HashSet<>();
        for (DescribedRegion r : regions) {
            if (r.table().equals("PCCT") && r.path().endsWith(".commandCompleteUpdate")) {
                extended.add(subspaceOf(r));
            }
        }
        return new LinuxContext(
                linux, earlycon, Set.copyOf(ids), tpm, Set.copyOf(extended), einjParameterBlock(host, regions));
    }

    /**
     * einj_get_parameter_address: the address of the last SET_ERROR_TYPE_WITH_ADDRESS entry that writes a
     * SystemMemory register ({@code pa_v5}) names the parameter block; the path of the first EINJ register region at
     * that address, or empty. (The ACPI 4.0 SET_ERROR_TYPE block is read only with the {@code param_extension}
     * module parameter, off by default, and is not modelled.)
     */
    private static String einjParameterBlock(AcpiTables host, List<DescribedRegion> regions) {
        if (host == null) {
            return "";
        }
        long paV5 = 0;
        for (EinjTable einj : host.bySignature("EINJ").stream()
                .limit(1)
                .map(t -> t.table())
                .filter(EinjTable.class::isInstance)
                .map(EinjTable.class::cast)
                .toList()) {
            for (ApeiInstruction e : einj.entries()) {
                if (e.action() == EINJ_SET_ERROR_TYPE_WITH_ADDRESS
                        && e.instruction() == EINJ_WRITE_REGISTER
                        && e.register().space() == AddressSpace.SYSTEM_MEMORY) {
                    paV5 = e.register().address();
                }
            }
        }
        if (paV5 == 0) {
            return "";
        }
        final long block = paV5;
        return regions.stream()
                .filter(r -> r.kind() == RegionKind.EINJ_REGISTER
                        && r.base() == block
                        && r.space() == AddressSpace.SYSTEM_MEMORY)
                .map(DescribedRegion::path)
                .findFirst()
                .orElse("");
    }

    /** Whether the region is the EINJ register whose address is the ACPI 5.0 parameter block. */
    boolean isEinjParameterBlock(DescribedRegion r) {
        return r.kind() == RegionKind.EINJ_REGISTER
                && !einjParameterBlock.isEmpty()
                && r.path().equals(einjParameterBlock);
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
        return tpmResources.stream()
                .anyMatch(r -> Long.compareUnsigned(r.base(), base) <= 0
                        && Long.compareUnsigned(base + Math.max(1, length) - 1, r.lastByte()) <= 0);
    }

    static String devicePath(DescribedRegion r) {
        int at = r.path().lastIndexOf("._CRS[");
        return at < 0 ? r.path() : r.path().substring(0, at);
    }
}
