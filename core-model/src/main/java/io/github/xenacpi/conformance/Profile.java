package io.github.xenacpi.conformance;

/**
 * A selectable set of requirements. {@link #ACPI} (what the ACPI specification and the table's own
 * specification demand of every table) always runs; the others add what a standard or an OS requires of an
 * arm64 platform on top.
 */
public enum Profile {
    /** Table structure and semantics per ACPI 6.5 and the per-table specifications. */
    ACPI("ACPI", "ACPI 6.5 and the specifications of each table"),
    /** Arm SBBR 1.0 (DEN0044B): XSDT, FADT, DSDT, MADT, GTDT, DBG2 and SPCR are mandatory. */
    SBBR_1_0("SBBR 1.0", "Arm DEN0044B, as checked by edk2 acpiview and FWTS --sbbr"),
    /** Arm SBBR 1.1: adds MCFG to the mandatory tables. */
    SBBR_1_1("SBBR 1.1", "Arm DEN0044C, as checked by edk2 acpiview and FWTS --sbbr"),
    /** Arm SBBR 1.2 (DEN0044D/E): adds PPTT to the mandatory tables. */
    SBBR_1_2("SBBR 1.2", "Arm DEN0044D/E, as checked by edk2 acpiview and FWTS --sbbr"),
    /** What Linux on arm64 needs to boot with ACPI at all (arch/arm64/kernel/acpi.c and the drivers it calls). */
    LINUX_ARM64("Linux arm64", "Linux arch/arm64/kernel/acpi.c and Documentation/arch/arm64/acpi_object_usage.rst"),
    /** What Dom0 Linux meets under Xen: the outcomes of simulating its boot under each mapping strategy. */
    XEN_DOM0("Xen Dom0", "The Dom0 boot simulation under each mapping strategy (Xen xen/arch/arm, Linux drivers/xen)");

    private final String title;
    private final String source;

    Profile(String title, String source) {
        this.title = title;
        this.source = source;
    }

    /** The profile's name for people. */
    public String title() {
        return title;
    }

    /** Where its requirements come from. */
    public String source() {
        return source;
    }
}
