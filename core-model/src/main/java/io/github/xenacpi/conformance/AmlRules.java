package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.interp.BudgetStop;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.Platform;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What loading and evaluating a platform's AML found, as findings: every problem of the namespace load (AML that
 * does not decode, names defined twice, scopes that do not exist) keeps the loader's severity, table and offset;
 * every evaluation a budget limit stopped is an error naming the method. These need the platform
 * ({@link ConformanceCheck#run(io.github.xenacpi.platform.Platform, Profile...)}); over tables alone they report
 * nothing.
 */
final class AmlRules implements RuleSet {

    static final Rule LOAD = Rule.of(
            "AML.LOAD",
            ERROR,
            "The DSDT and SSDTs load into the namespace",
            "The AML of every definition block decodes and loads as ACPICA loads it: every opcode is known and in"
                    + " place, every PkgLength stays within its enclosing package, every NameSeg is valid, every"
                    + " Scope names an existing object and no name is defined twice. Where the loader cannot"
                    + " decode a term it skips to the end of the enclosing package, so the objects defined there"
                    + " (devices, their resources, OperationRegions) are missing from the namespace Linux sees and"
                    + " from the simulation. Each finding keeps the loader's severity (a name defined twice inside"
                    + " an If is a warning: only one branch may run).",
            "ACPI 6.5 section 20 (AML encoding) and 5.4 (definition blocks); ACPICA AcpiTbLoadNamespace");

    static final Rule BUDGET = Rule.of(
            "AML.BUDGET",
            ERROR,
            "AML evaluations end within their budget",
            "Every method and object Linux evaluates at boot (_INI, _STA, _HID, _CRS, _REG, OperationRegion"
                    + " operands, module-level code) ends within the interpreter's budget: steps (work is charged by"
                    + " the bytes it touches), call depth, nesting, object size, memory and time, per evaluation"
                    + " and for the whole platform. An evaluation that does not end would hang Linux's boot"
                    + " (ACPICA stops a While loop only after ACPI_MAX_LOOP_ITERATIONS); what it would have done"
                    + " is missing from the simulation. The finding names the method the limit was reached in.",
            "ACPI 6.5 section 19.6.152 (While); Linux ACPICA acpi_ps_parse_aml, ACPI_MAX_LOOP_ITERATIONS");

    static final Rule METHOD = Rule.of(
            "AML.METHOD",
            ERROR,
            "Every method body decodes",
            "Every Method's body decodes as a TermList, whether or not boot runs it: ACPICA parses a body when the"
                    + " method first runs and aborts the method at the first term it cannot decode, so a control"
                    + " method that does not decode fails every time it is called. An error when boot runs the"
                    + " method (what it would have done, register accesses and the values it returns, is missing"
                    + " from the simulation), a warning when it does not.",
            "ACPI 6.5 section 20.2.5 (TermList) and 19.6.85 (Method)");

    static final Rule RESOURCES = Rule.of(
            "AML.RESOURCES",
            ERROR,
            "Every _CRS Linux reads decodes",
            "The resource template an enumerated device's _CRS returns decodes: every descriptor's tag and length"
                    + " are valid and an End Tag closes it. Linux's acpi_walk_resources stops at the first bad"
                    + " descriptor (AE_AML_BAD_RESOURCE_LENGTH, AE_AML_NO_RESOURCE_END_TAG), so the device's memory"
                    + " ranges after it are never mapped; each finding keeps the decoder's severity.",
            "ACPI 6.5 section 6.4 (Resource Data Types); Linux acpi_walk_resources");

    static final Rule EVALUATION = Rule.of(
            "AML.EVALUATION",
            ERROR,
            "AML evaluated at boot runs without errors",
            "Every object and method Linux evaluates at boot completes without an AML run-time error: a name that"
                    + " resolves to nothing (AE_NOT_FOUND), an operand of the wrong type, a body that does not"
                    + " decode. ACPICA aborts the method and its callers at the error and Linux logs an ACPI Error;"
                    + " whatever the method would have done after it (register accesses, the status or resources it"
                    + " returns) is unknown to the simulation.",
            "ACPI 6.5 section 19 (ASL operators); Linux ACPICA acpi_ds_exec_end_op, acpi_ns_lookup");

    static final Rule HID = Rule.of(
            "AML.HID",
            WARNING,
            "Every _HID string is printable ASCII",
            "A device's _HID string is a PNP ID (such as PNP0A08) or an ACPI ID (such as ACPI0007): printable ASCII"
                    + " without spaces. Linux matches drivers on the exact string; ACPICA upper-cases a lower-case"
                    + " _HID (acpi_ns_repair_HID) but an empty _HID or one holding a control character, a space or"
                    + " a byte above 0x7E (AML strings are 0x01-0x7F; a damaged string terminator runs the string"
                    + " into the bytes after it) matches no driver, and the device's resources are then never"
                    + " claimed. IDs of the wrong length or form are common in shipped firmware and not reported.",
            "ACPI 6.5 section 6.1.5 (_HID) and 20.2.3 (String); Linux ACPICA acpi_ns_repair_HID");

    /** Printable ASCII without spaces. */
    private static final Pattern PRINTABLE_ID = Pattern.compile("[\\x21-\\x7E]+");

    /** The text with every character outside printable ASCII written as {@code \xNN}. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02X", (int) c));
            }
        }
        return b.toString();
    }

    @Override
    public void check(CheckContext ctx) {
        Platform p = ctx.platform().orElse(null);
        if (p == null) {
            return;
        }
        // The framing problems a table rule already reported at the same byte (a length field past the bytes present)
        // are reported once.
        Set<String> reported = new HashSet<>();
        for (Finding f : ctx.findings()) {
            if (f.offset() >= 0) {
                reported.add(f.table() + "#" + f.instance() + "@" + f.offset());
            }
        }
        for (Diagnostic d : p.namespace().diagnostics()) {
            if (d.offset() >= 0 && reported.contains(d.table() + "#" + d.instance() + "@" + d.offset())) {
                continue;
            }
            ctx.report(LOAD, d.severity(), d.table(), d.instance(), d.offset(), "", d.message());
        }
        for (Diagnostic d : p.survey().undecodableMethods()) {
            ctx.report(METHOD, d.severity(), d.table(), d.instance(), d.offset(), "", d.message());
        }
        for (Diagnostic d : p.survey().evaluationFailures()) {
            ctx.report(EVALUATION, d.severity(), d.table(), d.instance(), d.offset(), "", d.message());
        }
        for (NamespaceSurvey.DeviceInfo dev : p.survey().devices()) {
            if (dev.hid() != null && !PRINTABLE_ID.matcher(dev.hid()).matches()) {
                NamespaceNode hid =
                        p.namespace().namespace().node(dev.path() + "._HID").orElse(null);
                AmlSource src = hid == null ? null : hid.source().orElse(null);
                ctx.report(
                        HID,
                        HID.severity(),
                        src == null ? "" : src.table(),
                        src == null ? 0 : src.instance(),
                        src == null ? -1 : src.offset(),
                        dev.path() + "._HID",
                        String.format(
                                "%s._HID \"%s\" is not printable ASCII: no driver matches it",
                                dev.path(), printable(dev.hid())));
            }
        }
        for (NamespaceSurvey.DeviceInfo dev : p.survey().enumeratedDevices()) {
            if (dev.crs() == null) {
                continue;
            }
            AmlSource src = dev.crsSource();
            for (Diagnostic d : dev.crs().diagnostics()) {
                ctx.report(
                        RESOURCES,
                        d.severity(),
                        src == null ? "" : src.table(),
                        src == null ? 0 : src.instance(),
                        src == null ? -1 : src.offset(),
                        dev.path() + "._CRS",
                        String.format("%s._CRS byte %d: %s", dev.path(), d.offset(), d.message()));
            }
        }
        for (BudgetStop s : p.survey().budgetStops()) {
            ctx.report(BUDGET, ERROR, s.table(), s.instance(), s.offset(), s.method(), s.message());
        }
    }
}
