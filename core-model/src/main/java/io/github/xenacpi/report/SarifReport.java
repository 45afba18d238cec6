package io.github.xenacpi.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The report as a SARIF 2.1.0 log: one run whose driver lists every rule with its descriptions, and one result
 * per finding with its rule, level, message, the table file and byte offset as physical location, the table
 * field or AML path as logical location, and a fingerprint that stays put across runs.
 */
final class SarifReport {

    static final String VERSION = "2.1.0";
    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static ObjectNode of(ConformanceReport report) {
        ObjectNode log = ReportWriter.MAPPER.createObjectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xen-acpi-conformance");
        driver.put("version", report.toolVersion());
        driver.put("informationUri", "https://github.com/xenacpi/xen-acpi-conformance");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule r : report.rules()) {
            index.put(r.id(), rules.size());
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            n.putObject("shortDescription").put("text", r.title());
            n.putObject("fullDescription").put("text", r.rationale());
            n.putObject("help").put("text", r.rationale() + " Reference: " + r.reference());
            n.putObject("defaultConfiguration").put("level", level(r.severity()));
            ObjectNode props = n.putObject("properties");
            props.put("reference", r.reference());
            if (!r.fwtsLabel().isEmpty()) {
                props.put("fwtsLabel", r.fwtsLabel().strip());
            }
            ArrayNode tags = props.putArray("tags");
            r.profiles().stream().map(Enum::name).sorted().forEach(tags::add);
        }
        ArrayNode results = run.putArray("results");
        for (PlatformReport p : report.platforms()) {
            for (ReportFinding f : p.findings()) {
                results.add(result(p, f, index));
            }
        }
        return log;
    }

    private static ObjectNode result(PlatformReport p, ReportFinding f, Map<String, Integer> index) {
        ObjectNode n = ReportWriter.MAPPER.createObjectNode();
        n.put("ruleId", f.ruleId());
        if (index.containsKey(f.ruleId())) {
            n.put("ruleIndex", index.get(f.ruleId()));
        }
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", p.name() + ": " + f.message());
        ObjectNode location = n.putArray("locations").addObject();
        LoadedTable table = p.platform().tables().bySignature(f.table()).stream()
                .filter(t -> t.instance() == f.instance()).findFirst().orElse(null);
        if (table != null) {
            ObjectNode physical = location.putObject("physicalLocation");
            TableOrigin origin = table.raw().origin();
            physical.putObject("artifactLocation").put("uri", uri(origin, table));
            ObjectNode region = physical.putObject("region");
            switch (origin.format()) {
                case ACPIDUMP_TEXT -> region.put("startLine", Math.max(1, origin.line()));
                default -> region.put("byteOffset", origin.fileOffset() + Math.max(0, f.offset()));
            }
        }
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        String table0 = f.table().isEmpty() ? "platform" : f.table() + (f.instance() > 1 ? "#" + f.instance() : "");
        logical.put("name", f.path().isEmpty() ? table0 : f.path());
        logical.put("fullyQualifiedName", p.name() + "/" + table0 + (f.path().isEmpty() ? "" : "/" + f.path()));
        logical.put("kind", f.path().startsWith("\\") ? "function" : "member");
        n.putObject("partialFingerprints").put("xenacpiFinding/v1",
                fingerprint(p.name(), f.ruleId(), table0, f.path(), f.strategy(), f.offset()));
        ObjectNode props = n.putObject("properties");
        props.put("platform", p.name());
        props.put("tableOffset", f.offset());
        if (!f.strategy().isEmpty()) {
            props.put("strategy", f.strategy());
        }
        return n;
    }

    /** The table's file as a relative URI; tables made by the builder get a name of their own. */
    private static String uri(TableOrigin origin, LoadedTable table) {
        String name = switch (origin.format()) {
            case BUILDER -> "builder/" + table.signature() + (table.instance() > 1 ? table.instance() : "") + ".dat";
            default -> origin.file().toString().replace('\\', '/');
        };
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u0000", List.of(parts))
                    .getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String fingerprint(String platform, String rule, String table, String path, String strategy,
                                      long offset) {
        return fingerprint(platform, rule, table, path, strategy, Long.toString(offset));
    }
}
