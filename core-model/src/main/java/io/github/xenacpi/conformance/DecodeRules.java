package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decoders' own diagnostics as findings: one rule per decoded signature ({@code MADT.DECODE}, ...), whose
 * findings keep the diagnostic's severity, offset and message. The framing diagnostics (header, length,
 * checksum) are left to {@link HeaderRules}, and a diagnostic at a byte a more specific rule already reported is
 * left out, so that each problem is reported once.
 */
final class DecodeRules implements RuleSet {

    static final Rule INPUT = Rule.of(
            "ACPI.INPUT.DECODE",
            ERROR,
            "The input reads cleanly",
            "Problems of the input as a whole (unreadable files, tables the root table lists but the input lacks,"
                    + " duplicate tables), and any diagnostic of a table no decoder knows.",
            "ACPI 6.5 section 5.2.7 and 5.2.8");

    /** One rule per signature of the standard decoders, keyed by signature. */
    private static final Map<String, Rule> BY_SIGNATURE = perSignature();

    @Override
    public List<Rule> rules() {
        List<Rule> out = new ArrayList<>(RuleSet.super.rules());
        out.addAll(BY_SIGNATURE.values());
        return out;
    }

    private static Map<String, Rule> perSignature() {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (String sig : TableDecoders.standard().signatures()) {
            String name = tableName(sig);
            out.put(
                    sig,
                    Rule.of(
                            name + ".DECODE",
                            ERROR,
                            name + " decodes without problems",
                            "The decoder reports every structural problem of the table with its byte offset: truncated or"
                                    + " overrunning structures, zero or wrong sub-structure lengths, counts that do not"
                                    + " fit, references outside the table or in cycles, unknown types and revisions,"
                                    + " non-zero reserved fields. Each finding keeps the decoder's severity.",
                            "ACPI 6.5 section 5.2 and the " + name + " specification"));
        }
        return out;
    }

    /** The name a signature is known by: MADT for APIC, FADT for FACP, the signature otherwise. */
    static String tableName(String signature) {
        return switch (signature) {
            case "APIC" -> "MADT";
            case "FACP" -> "FADT";
            default -> signature;
        };
    }

    /** Decoder messages start with the path of what they concern ("MADT.structure[3]: ..."); that path. */
    private static final Pattern PATH = Pattern.compile("^([A-Z0-9_]{4}(?:[.\\[][\\w.\\[\\]]*)?): ");

    static String path(String message) {
        Matcher m = PATH.matcher(message);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void check(CheckContext ctx) {
        Set<String> reported = new HashSet<>();
        for (Finding f : ctx.findings()) {
            if (f.offset() >= 0) {
                reported.add(f.table() + "#" + f.instance() + "@" + f.offset());
            }
        }
        for (Diagnostic d : ctx.tables().image().diagnostics()) {
            ctx.report(INPUT, d.severity(), d.table(), d.instance(), d.offset(), "", d.message());
        }
        for (LoadedTable t : ctx.tables().all()) {
            List<Diagnostic> own = new ArrayList<>(t.diagnostics());
            TableDecoders.standard().framingDiagnostics(t.raw()).forEach(own::remove);
            Rule rule = BY_SIGNATURE.getOrDefault(t.signature(), INPUT);
            for (Diagnostic d : own) {
                if (d.offset() >= 0 && reported.contains(t.signature() + "#" + t.instance() + "@" + d.offset())) {
                    continue;
                }
                ctx.report(rule, d.severity(), t.signature(), t.instance(), d.offset(), path(d.message()), d.message());
            }
        }
    }
}
