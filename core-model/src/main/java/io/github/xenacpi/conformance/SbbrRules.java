package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.INFO;
import static io.github.xenacpi.acpi.Severity.WARNING;
import static io.github.xenacpi.conformance.Profile.SBBR_1_0;
import static io.github.xenacpi.conformance.Profile.SBBR_1_1;
import static io.github.xenacpi.conformance.Profile.SBBR_1_2;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.RsdpTable;
import io.github.xenacpi.acpi.table.SpcrTable;
import java.util.List;
import java.util.Set;

/**
 * Arm SBBR: the mandatory, conditional and recommended tables of each version, and the field requirements that
 * FWTS {@code --sbbr} checks (FADT revision, hardware-reduced mode and PSCI, SPCR revision and GIC interrupt, a
 * BSA UART in DBG2, an XSDT-only RSDP).
 */
final class SbbrRules implements RuleSet {

    private static final String SBBR = "Arm SBBR (DEN0044) 4.2.1, as checked by FWTS acpi_sbbr and edk2 acpiview";

    static final Rule XSDT = required("XSDT", "the root table of 64-bit addresses", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule FADT = required("FADT", "hardware-reduced mode and the PSCI flags", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule DSDT = required("DSDT", "the device namespace", SBBR_1_0, SBBR_1_1, SBBR_1_2)
            .fwts("acpi_table_check_test4");
    static final Rule MADT = required("MADT", "the GIC and the CPUs", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule GTDT = required("GTDT", "the generic timers", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule DBG2 = required("DBG2", "the debug port", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule SPCR = required("SPCR", "the serial console", SBBR_1_0, SBBR_1_1, SBBR_1_2);
    static final Rule MCFG = required("MCFG", "the PCIe ECAM (mandatory from SBBR 1.1)", SBBR_1_1, SBBR_1_2);
    static final Rule PPTT = required("PPTT", "the processor topology (mandatory from SBBR 1.2)", SBBR_1_2);
    static final Rule MCFG_CONDITIONAL = new Rule(
            "SBBR.TABLE.MCFG.CONDITIONAL",
            ERROR,
            "A platform with PCIe has an MCFG",
            "SBBR 1.0 requires the MCFG when the platform has PCIe; the IORT describes a PCIe root complex.",
            SBBR,
            "SBBRTableNotFound",
            Set.of(SBBR_1_0));
    static final Rule IORT_CONDITIONAL = new Rule(
            "SBBR.TABLE.IORT.CONDITIONAL",
            ERROR,
            "A platform with an ITS has an IORT",
            "Without an IORT no device's MSIs can be routed to the GIC ITS the MADT describes (and no SMMU can be"
                    + " described).",
            SBBR + "; Arm DEN0049",
            "",
            Set.of(SBBR_1_0, SBBR_1_1, SBBR_1_2));
    static final Rule RECOMMENDED = new Rule(
            "SBBR.TABLE.RECOMMENDED",
            INFO,
            "Recommended tables are present",
            "SBBR recommends BERT, EINJ, ERST, HEST, SDEI, AEST (RAS), SLIT, SRAT, HMAT (NUMA), PCCT, PDTT, NFIT,"
                    + " BGRT and SPMI; FWTS warns about each one missing.",
            "Arm SBBR (DEN0044) 4.2.2, as checked by FWTS acpi_sbbr",
            "",
            Set.of(SBBR_1_0, SBBR_1_1, SBBR_1_2));
    static final Rule RSDP = sbbr(
            "SBBR.RSDP",
            ERROR,
            "The RSDP points at the XSDT only",
            "SBBR requires RSDP revision 2 or later, 36 bytes, a non-zero XSDT address and a zero RSDT address.",
            "SBBR RSDP:");
    static final Rule FADT_REVISION = sbbr(
            "SBBR.FADT.REVISION",
            ERROR,
            "The FADT is revision 6.0 or later",
            "FWTS --sbbr requires an ACPI 6.0 or later FADT.",
            "fadt_revision:");
    static final Rule FADT_HW_REDUCED = sbbr(
            "SBBR.FADT.HW_REDUCED",
            ERROR,
            "The FADT sets HW_REDUCED_ACPI",
            "SBBR platforms implement the hardware-reduced ACPI model.",
            "fadt_reduced_hw:");
    static final Rule FADT_SCI = sbbr(
            "SBBR.FADT.SCI_INTERRUPT",
            WARNING,
            "SCI_INT is zero on a hardware-reduced platform",
            "A hardware-reduced platform has no SCI; FWTS --sbbr requires SCI_INT to be 0.",
            "fadt_reduced_hw:");
    static final Rule FADT_PSCI = sbbr(
            "SBBR.FADT.PSCI",
            ERROR,
            "The FADT sets PSCI_COMPLIANT",
            "SBBR platforms bring CPUs up with PSCI (\"ARM SBBR 4.2.1.3 FADT\").",
            "ARCH_PSCI_COMPLIANT:");
    static final Rule SPCR_REVISION = sbbr(
            "SBBR.SPCR.REVISION",
            ERROR,
            "The SPCR is revision 2 or later",
            "SBBR requires SPCR revision 2 (GIC interrupt types).",
            "spcr_revision:");
    static final Rule SPCR_GSIV = sbbr(
            "SBBR.SPCR.GSIV",
            ERROR,
            "The SPCR console signals a GIC interrupt",
            "The interrupt type must include the Arm GIC bit and the GSIV must be non-zero.",
            "sbbr_gsiv:");
    static final Rule SPCR_INTERFACE = sbbr(
            "SBBR.SPCR.INTERFACE",
            WARNING,
            "The SPCR console is a BSA UART",
            "BSA requires an Arm generic UART or a 16550 (ACS B_PER_05): SPCR interface types 0x00, 0x01, 0x03,"
                    + " 0x0E or 0x12.",
            "");
    static final Rule DBG2_UART = sbbr(
            "SBBR.DBG2.UART",
            ERROR,
            "DBG2 lists a BSA UART",
            "FWTS --sbbr requires a serial port (0x8000) of subtype 0x00, 0x01, 0x03, 0x0E or 0x12.",
            "dbg2_sbsa_uart:");

    private static Rule required(String name, String what, Profile first, Profile... more) {
        return Rule.of(
                        "SBBR.TABLE." + name + ".REQUIRED",
                        ERROR,
                        "The " + name + " is present",
                        "SBBR makes the " + name + " mandatory: " + what + ".",
                        SBBR)
                .fwts("SBBRTableNotFound")
                .in(first, more);
    }

    private static Rule sbbr(String id, Severity severity, String title, String rationale, String fwts) {
        return Rule.of(id, severity, title, rationale, SBBR).fwts(fwts).in(SBBR_1_0, SBBR_1_1, SBBR_1_2);
    }

    private static final List<String> RECOMMENDED_TABLES = List.of(
            "BERT", "EINJ", "ERST", "HEST", "SDEI", "AEST", "SLIT", "SRAT", "HMAT", "PCCT", "PDTT", "NFIT", "BGRT",
            "SPMI");

    @Override
    public void check(CheckContext ctx) {
        tables(ctx);
        ctx.all("RSDP", RsdpTable.class).forEach(d -> rsdp(ctx, d.loaded(), d.table()));
        ctx.all("FACP", FadtTable.class).forEach(d -> fadt(ctx, d.loaded(), d.table()));
        ctx.all("SPCR", SpcrTable.class).forEach(d -> spcr(ctx, d.loaded(), d.table()));
        for (var d : ctx.all("DBG2", Dbg2Table.class)) {
            boolean uart = d.table().devices().stream()
                    .anyMatch(dev -> dev.portType() == Dbg2Table.PORT_SERIAL && SerialTypes.bsa(dev.portSubtype()));
            if (!uart) {
                ctx.report(DBG2_UART, d.loaded(), -1, "DBG2", "no serial port of a BSA UART subtype");
            }
        }
    }

    private static void tables(CheckContext ctx) {
        String[] mandatory = {"XSDT", "FACP", "DSDT", "APIC", "GTDT", "DBG2", "SPCR", "MCFG", "PPTT"};
        Rule[] rules = {XSDT, FADT, DSDT, MADT, GTDT, DBG2, SPCR, MCFG, PPTT};
        for (int i = 0; i < rules.length; i++) {
            String sig = mandatory[i];
            if (!ctx.has(sig)) {
                ctx.reportMissing(rules[i], sig, "SBBR mandatory table %s is missing", DecodeRules.tableName(sig));
            }
        }
        boolean pcie = ctx.all("IORT", IortTable.class).stream()
                .anyMatch(d -> d.table().nodes().stream().anyMatch(n -> n instanceof IortTable.RootComplex));
        if (pcie && !ctx.has("MCFG")) {
            ctx.reportMissing(MCFG_CONDITIONAL, "MCFG", "the IORT describes a PCIe root complex but there is no MCFG");
        }
        boolean its = ctx.first("APIC", MadtTable.class)
                .map(m -> !m.structures(MadtTable.GicIts.class).isEmpty())
                .orElse(false);
        if (its && !ctx.has("IORT")) {
            ctx.reportMissing(IORT_CONDITIONAL, "IORT", "the MADT describes a GIC ITS but there is no IORT");
        }
        for (String sig : RECOMMENDED_TABLES) {
            if (!ctx.has(sig)) {
                ctx.reportMissing(RECOMMENDED, sig, "SBBR recommended table %s is missing", sig);
            }
        }
    }

    private static void rsdp(CheckContext ctx, LoadedTable t, RsdpTable r) {
        if (r.revision() < 2 || r.xsdtAddress() == 0 || r.rsdtAddress() != 0 || r.length() != 36) {
            ctx.report(
                    RSDP,
                    t,
                    -1,
                    "RSDP",
                    "RSDP revision %d, length %d, RSDT 0x%X, XSDT 0x%X; SBBR needs revision"
                            + " 2+, length 36, RSDT 0 and an XSDT",
                    r.revision(),
                    r.length(),
                    r.rsdtAddress(),
                    r.xsdtAddress());
        }
    }

    private static void fadt(CheckContext ctx, LoadedTable t, FadtTable f) {
        int major = t.header().revision();
        if (major < 6) {
            ctx.report(
                    FADT_REVISION,
                    t,
                    8,
                    "header.revision",
                    "FADT revision %d.%d is older than 6.0",
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
        } else if (f.sciInterrupt() != 0) {
            ctx.report(
                    FADT_SCI,
                    t,
                    FadtRules.field("sciInterrupt"),
                    "FADT.sciInterrupt",
                    "SCI_INT is %d on a hardware-reduced platform",
                    f.sciInterrupt());
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

    private static void spcr(CheckContext ctx, LoadedTable t, SpcrTable s) {
        if (t.header().revision() < 2) {
            ctx.report(
                    SPCR_REVISION,
                    t,
                    8,
                    "header.revision",
                    "SPCR revision %d is older than 2",
                    t.header().revision());
        }
        if ((s.interruptType() & SpcrTable.INTERRUPT_GIC) == 0 || s.gsiv() == 0) {
            ctx.report(
                    SPCR_GSIV,
                    t,
                    SpcrRules.field("interruptType"),
                    "SPCR.interruptType",
                    "interrupt type 0x%02X with GSIV %d; SBBR needs the GIC bit and a GSIV",
                    s.interruptType(),
                    s.gsiv());
        }
        if (!SerialTypes.bsa(s.interfaceType())) {
            ctx.report(
                    SPCR_INTERFACE,
                    t,
                    SpcrRules.field("interfaceType"),
                    "SPCR.interfaceType",
                    "interface type 0x%02X is not a BSA UART",
                    s.interfaceType());
        }
    }
}
