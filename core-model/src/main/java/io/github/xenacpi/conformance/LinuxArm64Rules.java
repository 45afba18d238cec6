package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;
import static io.github.xenacpi.conformance.Profile.LINUX_ARM64;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import java.util.List;

/**
 * What Linux on arm64 (and so a Xen Dom0 kernel) needs to boot with ACPI: the FADT gate of
 * {@code acpi_fadt_sanity_check}, PSCI for secondary CPUs, and the tables the GIC, timer and namespace code
 * cannot do without.
 */
final class LinuxArm64Rules implements RuleSet {

    private static final String ACPI_C = "Linux arch/arm64/kernel/acpi.c";

    static final Rule FADT_REQUIRED = linux(
            "LINUX.TABLE.FADT.REQUIRED",
            ERROR,
            "The FADT is present",
            "acpi_boot_table_init disables ACPI when acpi_table_parse(FADT, acpi_fadt_sanity_check) fails.",
            ACPI_C + " acpi_boot_table_init");
    static final Rule MADT_REQUIRED = linux(
            "LINUX.TABLE.MADT.REQUIRED",
            ERROR,
            "The MADT is present",
            "The GIC driver (gic_acpi_init) and CPU enumeration (acpi_parse_and_init_cpus) read the MADT; without"
                    + " it there is no interrupt controller and one CPU.",
            "Linux drivers/irqchip/irq-gic-v3.c gic_acpi_init; arch/arm64/kernel/smp.c acpi_parse_and_init_cpus");
    static final Rule GTDT_REQUIRED = linux(
            "LINUX.TABLE.GTDT.REQUIRED",
            ERROR,
            "The GTDT is present",
            "The arch timer is probed through TIMER_ACPI_DECLARE(arch_timer, GTDT); without it there is no clock"
                    + " event source and boot hangs.",
            "Linux drivers/clocksource/arm_arch_timer.c arch_timer_acpi_init");
    static final Rule DSDT_REQUIRED = linux(
            "LINUX.TABLE.DSDT.REQUIRED",
            ERROR,
            "The DSDT is present",
            "Without a DSDT the namespace is empty: no device beyond the static tables is found.",
            "Linux drivers/acpi/bus.c acpi_bus_init; ACPI 6.5 section 5.2.11.1");
    static final Rule DOCUMENTED = linux(
            "LINUX.TABLE.DOCUMENTED",
            WARNING,
            "The tables Linux documents as required are present",
            "acpi_object_usage.rst lists XSDT, MCFG and SPCR as required; the kernel boots without them but has"
                    + " no PCIe config space or no console.",
            "Linux Documentation/arch/arm64/acpi_object_usage.rst");
    static final Rule FADT_REVISION = linux(
            "LINUX.FADT.REVISION",
            ERROR,
            "The FADT is 5.1 or later (or 5.0 with ARM boot flags)",
            "acpi_fadt_sanity_check rejects an older FADT (\"Unsupported FADT revision %d.%d, should be 5.1+\")"
                    + " and ACPI is disabled; a 5.0 FADT with ARM boot flags is taken for 5.1.",
            ACPI_C + " acpi_fadt_sanity_check");
    static final Rule FADT_HW_REDUCED = linux(
            "LINUX.FADT.HW_REDUCED",
            ERROR,
            "The FADT sets HW_REDUCED_ACPI",
            "acpi_fadt_sanity_check rejects a FADT without it (\"FADT not ACPI hardware reduced compliant\") and"
                    + " ACPI is disabled.",
            ACPI_C + " acpi_fadt_sanity_check");
    static final Rule FADT_PSCI = linux(
            "LINUX.FADT.PSCI",
            ERROR,
            "The FADT sets PSCI_COMPLIANT",
            "psci_acpi_init uses PSCI only when acpi_psci_present(); without it secondary CPUs have no enable"
                    + " method and stay offline (and Xen cannot offer PSCI to Dom0 in its place).",
            "Linux drivers/firmware/psci/psci.c psci_acpi_init; " + ACPI_C + " acpi_psci_present");

    private static Rule linux(String id, Severity severity, String title, String rationale, String reference) {
        return Rule.of(id, severity, title, rationale, reference).in(LINUX_ARM64);
    }

    @Override
    public void check(CheckContext ctx) {
        required(ctx, "FACP", FADT_REQUIRED);
        required(ctx, "APIC", MADT_REQUIRED);
        required(ctx, "GTDT", GTDT_REQUIRED);
        required(ctx, "DSDT", DSDT_REQUIRED);
        for (String sig : List.of("XSDT", "MCFG", "SPCR")) {
            if (!ctx.has(sig)) {
                ctx.reportMissing(DOCUMENTED, sig, "%s is missing", sig);
            }
        }
        ctx.all("FACP", FadtTable.class).stream().findFirst().ifPresent(d -> fadt(ctx, d.loaded(), d.table()));
    }

    private static void required(CheckContext ctx, String sig, Rule rule) {
        if (!ctx.has(sig)) {
            ctx.reportMissing(rule, sig, "%s is missing", DecodeRules.tableName(sig));
        }
    }

    private static void fadt(CheckContext ctx, LoadedTable t, FadtTable f) {
        int major = t.header().revision();
        boolean ok = major > 5 || (major == 5 && (f.minorVersion() >= 1 || f.armBootArch() != 0));
        if (!ok) {
            ctx.report(
                    FADT_REVISION,
                    t,
                    8,
                    "header.revision",
                    "FADT revision %d.%d; Linux needs 5.1 or later",
                    major,
                    f.minorVersion());
        }
        if (!f.isHardwareReduced()) {
            ctx.report(
                    FADT_HW_REDUCED,
                    t,
                    FadtRules.field("flags"),
                    "FADT.flags",
                    "flags 0x%X do not set HW_REDUCED_ACPI",
                    f.flags());
        }
        if (!f.isPsciCompliant()) {
            ctx.report(
                    FADT_PSCI,
                    t,
                    FadtRules.field("armBootArch"),
                    "FADT.armBootArch",
                    "ARM boot flags 0x%X do not set PSCI_COMPLIANT",
                    f.armBootArch());
        }
    }
}
