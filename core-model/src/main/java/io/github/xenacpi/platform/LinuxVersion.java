package io.github.xenacpi.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A Dom0 Linux release, with what differs between releases in how it reaches device memory (fact sheet
 * src-site/markdown/dom0-model.md, "Versions modelled, per behaviour"). Each capability names the change that brought
 * it and the first release with it; where the release is inferred rather than pinned to a tag, the site's model page
 * says so.
 */
public record LinuxVersion(int major, int minor) implements Comparable<LinuxVersion> {

    /** The kernel of the problem statement. */
    public static final LinuxVersion V4_10 = new LinuxVersion(4, 10);
    /** GTDT parse driver: memory-mapped timers from GTDT and the SBSA watchdog platform device. */
    public static final LinuxVersion V4_12 = new LinuxVersion(4, 12);
    /** Long-term 5.10 (Debian 11). */
    public static final LinuxVersion V5_10 = new LinuxVersion(5, 10);
    /** Long-term 5.15 (Ubuntu 22.04). */
    public static final LinuxVersion V5_15 = new LinuxVersion(5, 15);
    /** PCC extended subspaces (types 3 and 4): {@code pcc_chan_reg_init}. */
    public static final LinuxVersion V5_16 = new LinuxVersion(5, 16);
    /** Long-term 6.1 (Debian 12, the ground-truth harness's kernel). */
    public static final LinuxVersion V6_1 = new LinuxVersion(6, 1);
    /** APMT: {@code apmt_add_platform_device}. */
    public static final LinuxVersion V6_2 = new LinuxVersion(6, 2);
    /** CXL 1.1 restricted hosts: the RCRB is mapped by {@code cxl_rcrb_to_component}. */
    public static final LinuxVersion V6_3 = new LinuxVersion(6, 3);
    /** A long-term kernel of today. */
    public static final LinuxVersion V6_6 = new LinuxVersion(6, 6);
    /** The CoreSight components leave the AMBA id list (moved to platform drivers). */
    public static final LinuxVersion V6_10 = new LinuxVersion(6, 10);
    /** Long-term 6.12 (Debian 13). */
    public static final LinuxVersion V6_12 = new LinuxVersion(6, 12);
    /** GTDT memory-mapped timers become platform devices; the newest release the model knows. */
    public static final LinuxVersion V6_18 = new LinuxVersion(6, 18);

    /** The profiles reports offer by default. */
    public static final List<LinuxVersion> PROFILES = List.of(V4_10, V6_6);

    /** The kernels people boot as Dom0, oldest first: the default Linux axis of a version grid. */
    public static final List<LinuxVersion> MODELLED = List.of(V4_10, V5_10, V5_15, V6_1, V6_6, V6_12, V6_18);

    /** {@code amba_id_list} of {@code drivers/acpi/acpi_amba.c} before 5.3: the PL061 GPIO only. */
    private static final Set<String> AMBA_IDS_4 = Set.of("ARMH0061");
    /**
     * 5.3 ("coresight: acpi: Support for AMBA components", Suzuki K Poulose, v4 posted 2019-05-22): the CoreSight
     * ETM4x, ETR, STM, debug, TPIU, TMC, replicator, CATU and funnel.
     */
    private static final Set<String> AMBA_IDS_5_3 = Set.of(
            "ARMH0061",
            "ARMHC500",
            "ARMHC501",
            "ARMHC502",
            "ARMHC503",
            "ARMHC979",
            "ARMHC97C",
            "ARMHC98D",
            "ARMHC9CA",
            "ARMHC9FF");
    /**
     * 6.6: the DMA-330 joined in 6.2 ("ACPI: amba: Add Arm DMA-330 controller to the supported list", posted
     * 2022-09-21) and the ETM4x left for a platform driver ("coresight: etm4x: Add ACPI support in platform
     * driver", posted 2023-07-10).
     */
    private static final Set<String> AMBA_IDS_6_6 = Set.of(
            "ARMH0061",
            "ARMH0330",
            "ARMHC501",
            "ARMHC502",
            "ARMHC503",
            "ARMHC979",
            "ARMHC97C",
            "ARMHC98D",
            "ARMHC9CA",
            "ARMHC9FF");
    /**
     * 6.10: every CoreSight component moved to a platform driver ("coresight: ...: Move ACPI support from AMBA
     * driver to platform driver", Anshuman Khandual, V5 posted 2024-02-22); {@code drivers/acpi/arm64/amba.c}
     * keeps the PL061 and the DMA-330.
     */
    private static final Set<String> AMBA_IDS_6_10 = Set.of("ARMH0061", "ARMH0330");

    private static final Comparator<LinuxVersion> ORDER =
            Comparator.comparingInt(LinuxVersion::major).thenComparingInt(LinuxVersion::minor);

    /** Parses {@code 6.6} (a trailing {@code .N} stable level is accepted and ignored: no modelled behaviour
     * changed in a stable update). */
    @JsonCreator
    public static LinuxVersion parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        try {
            if (parts.length >= 2) {
                return new LinuxVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Linux version looks like 6.6, not \"" + text + "\"", e);
        }
        throw new IllegalArgumentException("a Linux version looks like 6.6, not \"" + text + "\"");
    }

    public boolean atLeast(LinuxVersion other) {
        return compareTo(other) >= 0;
    }

    /**
     * From 6.18 {@code gtdt_platform_timer_init} registers "gtdt-arm-mmio-timer" devices (platform data only)
     * and the driver maps the frames at probe; before, {@code arch_timer_mem_acpi_init} maps and reads them in
     * {@code time_init}, before any initcall.
     */
    public boolean gtdtTimersArePlatformDevices() {
        return atLeast(V6_18);
    }

    /**
     * The GTDT parse driver ({@code drivers/acpi/arm64/gtdt.c}, "acpi/arm64: Add GTDT table parse driver" and
     * "Add SBSA Generic Watchdog support in GTDT driver", Fu Wei's series, 4.12): before it, arm64 Linux neither
     * uses GTDT memory-mapped timers nor creates the "sbsa-gwdt" device from GTDT.
     */
    public boolean parsesGtdtPlatformTimers() {
        return atLeast(V4_12);
    }

    /**
     * {@code iort_add_platform_device} turns IORT PMCG nodes into "arm-smmu-v3-pmcg" platform devices (bound by
     * {@code arm_smmuv3_pmu}'s {@code smmu_pmu_probe}) from 5.2 ("ACPI/IORT: Add support for PMCG", Neil Leeder, with
     * "perf/smmuv3: Add arm64 smmuv3 pmu driver"; final v7 posted 2019-03-26, merged for 5.2); before,
     * {@code iort_init_platform_devices} creates devices for SMMU nodes only and ignores PMCG nodes.
     */
    public boolean addsIortPmcgDevices() {
        return atLeast(new LinuxVersion(5, 2));
    }

    /**
     * {@code acpi_init_fpdt} (fs_initcall) reads the FPDT's boot records on arm64 from 6.2: the FPDT driver came in
     * 5.12 (Zhang Rui, "ACPI: tables: introduce support for FPDT table", committed 2021-01-29) for x86_64 only, and
     * "ACPI: Enable FPDT on arm64" (Jeremy Linton, committed 2022-11-14 to the arm64 tree) let arm64 build it.
     */
    public boolean readsFpdt() {
        return atLeast(V6_2);
    }

    /** {@code apmt_add_platform_device} (CoreSight PMU devices from APMT) exists from 6.2. */
    public boolean readsApmt() {
        return atLeast(V6_2);
    }

    /**
     * GHES reads the error status register at probe ({@code ghes_probe}: "Handle any pending errors right away",
     * {@code ghes_proc}); 4.10's {@code ghes_probe} only maps it. Present in 5.10 (the release that added it
     * lies between 4.10 and 5.10 and is not pinned).
     */
    public boolean ghesReadsAtProbe() {
        return atLeast(V5_10);
    }

    /**
     * GHES reads an error status block ({@code ghes_copy_tofrom_phys}) through a fixmap slot
     * ({@code __set_fixmap(FIX_APEI_GHES_IRQ, ...)}, later {@code ghes_map}) from 4.15 ("ACPI / APEI: Replace
     * ioremap_page_range() with fixmap", James Morse, committed 2017-11-07 with "Remove arch_apei_flush_tlb_one()");
     * before, {@code ghes_ioremap_pfn_irq} maps the page with {@code ioremap_page_range} into a private area. Neither
     * is an ioremap.
     */
    public boolean ghesMapsStatusBlockWithFixmap() {
        return atLeast(new LinuxVersion(4, 15));
    }

    /**
     * {@code acpi_init} calls {@code acpi_hest_init(); acpi_ghes_init();} before {@code acpi_scan_init()}, so GHES
     * probes at subsys_initcall ("ACPI: APEI: explicit init of HEST and GHES in acpi_init()", 6.1); before, the
     * GHES driver registered at device_initcall.
     */
    public boolean ghesProbesAtSubsys() {
        return atLeast(V6_1);
    }

    /**
     * {@code pcc_parse_subspace_db_reg} / {@code pcc_chan_reg_init} map the command-complete, command-update and
     * error registers of extended subspaces (types 3 and 4) with {@code acpi_os_ioremap} (Sudeep Holla's "Add
     * support for PCCT extended PCC subspaces(type 3/4)", 5.16); older kernels reject those subspace types.
     */
    public boolean drivesPccExtendedSubspaces() {
        return atLeast(V5_16);
    }

    /**
     * Whether ACPICA runs {@code _REG(SystemMemory | SystemIO, 1)} at namespace initialization
     * ({@code acpi_ev_initialize_op_regions}): before 4.20 it did; ACPICA 20181003 ("Never run _REG on
     * SystemMemory and SystemIO", acpica {@code cfbe28b48}, Linux 4.20) returns early from
     * {@code acpi_ev_execute_reg_methods} for those spaces (and DataTable), "must always be accessible", so only
     * PCI_Config's _REG runs.
     */
    public boolean runsRegForMemoryAndIo() {
        return !atLeast(new LinuxVersion(4, 20));
    }

    /**
     * {@code cxl_acpi} binds ACPI0017 and, for a CXL 1.1 host bridge (a CHBS RCRB), maps the RCRB itself
     * ({@code cxl_rcrb_to_component}: {@code ioremap(rcrb, SZ_4K)}, {@code readl}) from 6.3.
     */
    public boolean mapsCxlRcrb() {
        return atLeast(V6_3);
    }

    /**
     * A CXL 2.0 host bridge's component registers are mapped by its {@code cxl_port}
     * ({@code devm_cxl_iomap_block}) from 6.0 (the release is inferred, not pinned).
     */
    public boolean mapsCxlComponentRegisters() {
        return atLeast(new LinuxVersion(6, 0));
    }

    /**
     * {@code tpm_read_log_acpi} reads a TPM 2.0 event log from the TPM2 table's LAML/LASA fields ("tpm: Add support
     * for event log pointer found in TPM2 ACPI table", 5.8); before, it read only the TCPA table's log.
     */
    public boolean readsTpm2EventLog() {
        return atLeast(new LinuxVersion(5, 8));
    }

    /**
     * The ACPI ids the AMBA scan handler claims ({@code amba_id_list}); the releases of the changes after 5.3 are
     * inferred from the patches' posting dates (see the site's model page).
     */
    public Set<String> ambaIds() {
        if (!atLeast(new LinuxVersion(5, 3))) {
            return AMBA_IDS_4;
        }
        if (!atLeast(V6_6)) {
            return atLeast(V6_2) ? with(AMBA_IDS_5_3, "ARMH0330") : AMBA_IDS_5_3;
        }
        return atLeast(V6_10) ? AMBA_IDS_6_10 : AMBA_IDS_6_6;
    }

    private static Set<String> with(Set<String> ids, String id) {
        java.util.Set<String> out = new java.util.HashSet<>(ids);
        out.add(id);
        return Set.copyOf(out);
    }

    @Override
    public int compareTo(LinuxVersion o) {
        return ORDER.compare(this, o);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor;
    }

    /**
     * The newest release the model knows: the greatest of the {@code public static final} LinuxVersion constants
     * declared above, so that a release added as a constant becomes the default of a bare dump. Declared last so
     * that every constant is set when it is computed.
     */
    public static final LinuxVersion NEWEST = newest();

    private static LinuxVersion newest() {
        LinuxVersion best = null;
        for (java.lang.reflect.Field f : LinuxVersion.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() == LinuxVersion.class
                    && java.lang.reflect.Modifier.isPublic(m)
                    && java.lang.reflect.Modifier.isStatic(m)
                    && java.lang.reflect.Modifier.isFinal(m)
                    && !f.getName().equals("NEWEST")) {
                try {
                    LinuxVersion v = (LinuxVersion) f.get(null);
                    if (v != null && (best == null || v.compareTo(best) > 0)) {
                        best = v;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f.getName(), e);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no LinuxVersion constant is declared");
        }
        return best;
    }
}
