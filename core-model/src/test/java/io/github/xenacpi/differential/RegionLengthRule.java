package io.github.xenacpi.differential;

import io.github.xenacpi.acpi.region.RegionKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * For each region kind, where in an iasl listing the length of the range shows, if anywhere: a field after the
 * base field in the same sub-structure, a field anywhere in that sub-structure, the bus range of an MCFG
 * allocation, or the access width of the Generic Address Structure holding the base. Kinds whose length is a
 * Linux/Xen constant (4 KiB timer frames, 64 KiB GIC frames...) or comes from outside the table have no rule:
 * their length is not a table field, so only their base is compared.
 */
record RegionLengthRule(Kind how, String field) {

    /** How the length is found in the listing. */
    enum Kind {
        /** The first field named {@code field} after the base field, before the next sub-structure. */
        FIELD_AFTER,
        /** The field named {@code field} anywhere in the sub-structure holding the base. */
        FIELD_IN_BLOCK,
        /** (End Bus Number - Start Bus Number + 1) MiB of the MCFG allocation (pci_mcfg_lookup). */
        BUS_RANGE,
        /** Bytes of one access: Encoded Access Width, else Bit Width, of the GAS holding the base. */
        GAS_ACCESS
    }

    /*
     * Kinds without a rule, and why their length is not a table field: GTDT frames and watchdog pages (4 KiB,
     * arch_timer_mem / gtdt_import_sbsa_gwdt), GIC distributor/ITS/CPU-interface frames (Xen's and Linux's GIC
     * drivers use fixed sizes; the decoder reports the frames with length 0 and platform.RegionExtents applies
     * what Linux maps), SMMUv3 (arm_smmu_v3 resource size), PMCG pages, the TPM2 CRB control area, FPDT records
     * and the BGRT image (length 0 from the decoder: the table gives none), DBG2 ports (their size is a separate
     * array), ACPI tables and FACS (their own length fields), and the kinds of tables iasl 20200925 does not
     * decode (AEST, APMT, MPAM, CEDT). The SPCR console is the register its GAS describes, as the APEI ones.
     */
    private static final Map<RegionKind, RegionLengthRule> RULES = new EnumMap<>(RegionKind.class);

    static {
        RULES.put(RegionKind.ECAM, new RegionLengthRule(Kind.BUS_RANGE, "End Bus Number"));
        RULES.put(RegionKind.BOOT_ERROR_REGION, new RegionLengthRule(Kind.FIELD_IN_BLOCK, "Boot Error Region Length"));
        // IORT SMMUv1/v2 nodes carry a span; SMMUv3 and PMCG sizes are arm_smmu_v3/arm_pmcg constants.
        RULES.put(RegionKind.SMMU, new RegionLengthRule(Kind.FIELD_AFTER, "Span"));
        RULES.put(RegionKind.RMR, new RegionLengthRule(Kind.FIELD_AFTER, "Length"));
        RULES.put(RegionKind.PCC_SHARED_MEMORY, new RegionLengthRule(Kind.FIELD_AFTER, "Shared Memory Length"));
        RULES.put(RegionKind.SRAT_MEMORY, new RegionLengthRule(Kind.FIELD_AFTER, "Address Length"));
        // MADT GICR: the discovery range length follows the base (the structure's own Length precedes it).
        RULES.put(RegionKind.GIC_REDISTRIBUTOR, new RegionLengthRule(Kind.FIELD_AFTER, "Length"));
        for (RegionKind k : new RegionKind[] {
            RegionKind.GHES_STATUS_ADDRESS,
            RegionKind.GHES_READ_ACK,
            RegionKind.ERST_REGISTER,
            RegionKind.EINJ_REGISTER,
            RegionKind.WDAT_REGISTER,
            RegionKind.PCC_DOORBELL,
            RegionKind.PCC_REGISTER,
            RegionKind.SERIAL_PORT
        }) {
            RULES.put(k, new RegionLengthRule(Kind.GAS_ACCESS, "Encoded Access Width"));
        }
    }

    /** The rule for a kind; empty when the length is not a field of the table (a Linux-derived constant). */
    static Optional<RegionLengthRule> of(RegionKind kind) {
        return Optional.ofNullable(RULES.get(kind));
    }
}
