package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.interp.BudgetStop;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out what of a platform's content the model lost ({@link Platform#completeness()}): not every problem, only
 * those that remove something the simulation needs. A loss is:
 * <ul>
 * <li>input the reader could not take in: an error of the input as a whole (a file it could not read, a table the
 * root table lists but the input lacks), a table an acpidump holds only part of (rows cut at a malformed line, a
 * header with no rows), and lines of an acpidump that are neither a table header nor a data row (each may have been
 * a table's header, whose table is then missing);</li>
 * <li>a table shorter than its length field (cut short), and every error its decoder reports (a structure that
 * overruns the table, a count that does not fit, a subtable walk ended early, ...), except a wrong checksum, which
 * loses nothing;</li>
 * <li>no DSDT, a DSDT or SSDT with no AML, or definition blocks that define no Device at all: the devices Linux finds
 * and maps are then unknown; no MADT: the interrupt controller's frames are unknown;</li>
 * <li>every error of loading the AML (a term that does not decode is skipped to the end of its package, taking the
 * objects defined there with it), except a name defined twice (ACPICA keeps the first definition too, so the model
 * sees what Linux sees); every evaluation an AML run-time error aborted (a body that does not decode, a name that
 * resolves to nothing: what the method would have done after it is unknown); every enumerated device's _CRS that does
 * not decode;</li>
 * <li>every evaluation a budget limit stopped: what it would have done at boot is unknown.</li>
 * </ul>
 * Warnings of decoding and loading (reserved bits, unknown revisions, a name defined twice inside an If) lose nothing.
 */
final class Losses {

    /** Header bytes of a definition block. */
    private static final int HEADER = 36;

    private final List<Completeness.Loss> out = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    private Losses() {}

    static Completeness of(AcpiTables tables, LoadedNamespace namespace, NamespaceSurvey survey) {
        Losses l = new Losses();
        l.input(tables);
        l.tables(tables);
        l.required(tables, namespace);
        for (Diagnostic d : namespace.diagnostics()) {
            // A name defined twice: ACPICA keeps the first definition too, so the model sees what Linux sees. A
            // length field past the bytes present is the table cut short, said once above.
            boolean cutShort = d.offset() == 4 && d.message().startsWith("table truncated");
            if (d.severity() == Severity.ERROR && !d.message().contains("AE_ALREADY_EXISTS") && !cutShort) {
                l.add(d.table(), d.offset(), "AML not loaded: " + d.message());
            }
        }
        for (Diagnostic d : survey.evaluationFailures()) {
            l.add(d.table(), d.offset(), d.message() + "; what it would have done after the error is unknown");
        }
        for (NamespaceSurvey.DeviceInfo dev : survey.enumeratedDevices()) {
            if (dev.crs() == null || dev.crs().diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
                continue;
            }
            AmlSource src = dev.crsSource();
            l.add(
                    src == null ? "" : src.table(),
                    src == null ? -1 : src.offset(),
                    dev.path()
                            + "._CRS does not decode: the device's resources after the first bad descriptor are unknown");
        }
        for (BudgetStop s : survey.budgetStops()) {
            l.add(s.table(), s.offset(), s.message());
        }
        return l.out.isEmpty() ? Completeness.COMPLETE : new Completeness(l.out);
    }

    private void input(AcpiTables tables) {
        boolean dump = tables.image().format() == SourceFormat.ACPIDUMP_TEXT;
        for (Diagnostic d : tables.image().diagnostics()) {
            boolean ignoredLines = dump
                    && d.severity() == Severity.WARNING
                    && d.table().isEmpty()
                    && d.message().contains("ignored");
            if (d.severity() == Severity.ERROR || ignoredLines) {
                add(d.table(), d.offset(), d.message());
            }
        }
    }

    private void tables(AcpiTables tables) {
        TableDecoders decoders = TableDecoders.standard();
        for (LoadedTable t : tables.all()) {
            long declared = t.header().length();
            int present = t.raw().size();
            if (present < HEADER
                    && !t.signature().equals("RSDP")
                    && !t.signature().equals("FACS")) {
                add(
                        t.signature(),
                        0,
                        "table cut short: " + present + " bytes, fewer than the " + HEADER + "-byte header");
            } else if (declared > present) {
                add(
                        t.signature(),
                        4,
                        "table cut short: its length field says " + declared + " bytes, only " + present
                                + " are present");
            }
            List<Diagnostic> framing = decoders.framingDiagnostics(t.raw());
            for (Diagnostic d : t.diagnostics()) {
                if (d.severity() != Severity.ERROR
                        || (framing.contains(d) && d.message().contains("checksum"))) {
                    continue;
                }
                if (framing.contains(d) && d.message().contains("truncated")) {
                    continue; // said above as "table cut short"
                }
                add(t.signature(), d.offset(), d.message());
            }
        }
    }

    private void required(AcpiTables tables, LoadedNamespace namespace) {
        if (tables.bySignature("DSDT").isEmpty()) {
            add(
                    "DSDT",
                    -1,
                    "no DSDT: the devices Linux enumerates, their resources and the AML's"
                            + " OperationRegions are unknown");
        } else {
            boolean empty = false;
            for (LoadedTable t : tables.bySignature("DSDT")) {
                if (Math.min(t.raw().size(), t.header().length()) <= HEADER) {
                    empty = true;
                    add(
                            "DSDT",
                            -1,
                            "the DSDT holds no AML: the devices Linux enumerates, their resources and the"
                                    + " AML's OperationRegions are unknown");
                }
            }
            for (LoadedTable t : tables.bySignature("SSDT")) {
                if (Math.min(t.raw().size(), t.header().length()) <= HEADER) {
                    add(
                            "SSDT",
                            -1,
                            t.raw().label() + " holds no AML: whatever it defines (devices, their resources,"
                                    + " OperationRegions) is unknown");
                }
            }
            if (!empty && !definesDevice(namespace)) {
                add(
                        "DSDT",
                        -1,
                        "the DSDT and SSDTs define no Device: the devices Linux enumerates and their"
                                + " resources are unknown");
            }
        }
        if (tables.bySignature("APIC").isEmpty()) {
            add("APIC", -1, "no MADT: the interrupt controller's frames Dom0 maps are unknown");
        }
    }

    private static boolean definesDevice(LoadedNamespace namespace) {
        for (NamespaceNode n : namespace.namespace().nodes()) {
            if (n.object() instanceof AmlObject.Device && n.source().isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void add(String table, long offset, String reason) {
        if (seen.add(table + "@" + offset + ":" + reason)) {
            out.add(new Completeness.Loss(table, offset, reason));
        }
    }
}
