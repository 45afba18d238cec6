package io.github.xenacpi.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.XenDom0Rules;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.StrategyReport.OutcomeGroup;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.VersionGrid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as a SARIF 2.1.0 log of two runs kept apart by their automation ids: the firmware findings
 * ({@value #FIRMWARE_RUN}, the table rules, one result per finding) and the strategy outcomes
 * ({@value #STRATEGY_RUN}, the Xen Dom0 rules, one result per region, strategy and cause). Each result has its
 * rule, level, message, the table file and byte offset as physical location, the table field or AML path as
 * logical location, and a fingerprint that stays put across runs. Written platform by platform: each platform's
 * results are set aside in a {@link PartFile} per run as they are made (one line of JSON each), and the log is
 * written at the end, each run's header before its results.
 */
final class SarifReport implements FormatWriter {

    static final String VERSION = "2.1.0";
    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The base of URIs under the project's folder. */
    static final String SRCROOT = "%SRCROOT%";
    /** The automation id of the run of firmware findings. */
    static final String FIRMWARE_RUN = "xenacpi/firmware";
    /** The automation id of the run of strategy outcomes. */
    static final String STRATEGY_RUN = "xenacpi/strategies";

    /** A result as one line of the part files. */
    private static final ObjectWriter LINE = ReportWriter.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final String toolVersion;
    private final Path file;
    private final Locator locator;
    private final List<Rule> firmwareRules;
    private final List<Rule> strategyRules;
    private final Map<String, Integer> firmwareIndex;
    private final Map<String, Integer> strategyIndex;
    /** What each run's {@code properties} say of each platform, in report order. */
    private final ObjectNode platforms = ReportWriter.MAPPER.createObjectNode();
    /** How many platforms yet to be added bear each name. */
    private final Map<String, Integer> names = new HashMap<>();
    /** Occurrences of each fingerprint's parts per platform name, kept until no platform of that name is to come. */
    private final Map<String, Map<String, Integer>> seen = new HashMap<>();

    private final PartFile firmwareResults;
    private final PartFile strategyResults;

    /**
     * A writer of {@code file} for a report with the version and rules of {@code head}, of platforms with these
     * names in report order. A table file under {@code sourceRoot} (the project's folder) gets a URI relative to
     * {@value #SRCROOT}; one elsewhere a URI relative to its platform's folder, {@code PLATFORM1},
     * {@code PLATFORM2}, ... by platform order; both bases are declared in each run's {@code originalUriBaseIds}.
     * No result carries an absolute path, so that fingerprints and locations stay put across machines.
     */
    SarifReport(ConformanceReport head, List<String> platformNames, Path file, Path sourceRoot) throws IOException {
        this.toolVersion = head.toolVersion();
        this.file = file;
        this.locator = new Locator(sourceRoot.toAbsolutePath().normalize());
        Set<String> outcomeRules = new HashSet<>();
        for (OutcomeResult result : OutcomeResult.values()) {
            XenDom0Rules.ruleFor(result).ifPresent(r -> outcomeRules.add(r.id()));
        }
        this.firmwareRules = head.rules().stream()
                .filter(r -> !outcomeRules.contains(r.id()))
                .toList();
        this.strategyRules =
                head.rules().stream().filter(r -> outcomeRules.contains(r.id())).toList();
        this.firmwareIndex = index(firmwareRules);
        this.strategyIndex = index(strategyRules);
        platformNames.forEach(n -> names.merge(n, 1, Integer::sum));
        this.firmwareResults = new PartFile(file.getParent());
        PartFile strategies;
        try {
            strategies = new PartFile(file.getParent());
        } catch (IOException e) {
            firmwareResults.close();
            throw e;
        }
        this.strategyResults = strategies;
    }

    @Override
    public void add(PlatformReport p) throws IOException {
        locator.add(p);
        platform(p);
        for (ReportFinding f : p.findings()) {
            ObjectNode r = result(
                    p,
                    f.ruleId(),
                    f.severity(),
                    p.name() + ": " + f.message(),
                    f.table(),
                    f.instance(),
                    f.offset(),
                    f.path(),
                    firmwareIndex,
                    List.of(f.message()));
            firmwareResults.append(LINE.writeValueAsString(r) + "\n");
        }
        for (StrategyReport s : p.strategies()) {
            for (OutcomeGroup g : s.outcomes()) {
                String text = p.name() + ": under " + s.strategy() + " (" + s.verdict() + ") " + g.result() + " "
                        + g.region() + " (" + g.describedBy() + ") via " + String.join(", ", g.functions())
                        + ", for " + g.feature() + ": " + g.reason() + " [" + g.accesses() + " access"
                        + (g.accesses() == 1 ? "" : "es") + "]";
                ObjectNode r = result(
                        p,
                        g.ruleId(),
                        g.severity(),
                        text,
                        g.table(),
                        g.instance(),
                        g.offset(),
                        g.path(),
                        strategyIndex,
                        List.of(s.strategy(), g.result(), g.kind(), g.source(), g.base(), g.reason()));
                ObjectNode props = (ObjectNode) r.get("properties");
                props.put("strategy", s.strategy());
                props.put("verdict", s.verdict());
                props.put("accesses", g.accesses());
                strategyResults.append(LINE.writeValueAsString(r) + "\n");
            }
        }
        if (names.merge(p.name(), -1, Integer::sum) <= 0) {
            seen.remove(p.name());
        }
    }

    @Override
    public void finish() throws IOException {
        try (OutputStream out = ReportWriter.create(file);
                JsonGenerator g = ReportWriter.MAPPER.writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", VERSION);
            g.writeArrayFieldStart("runs");
            run(g, FIRMWARE_RUN, firmwareRules, firmwareResults);
            run(g, STRATEGY_RUN, strategyRules, strategyResults);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            firmwareResults.close();
        } finally {
            strategyResults.close();
        }
    }

    /** What each run's {@code properties} say of a platform: its settings, status, input, refusal and grid. */
    private void platform(PlatformReport p) {
        ObjectNode n = platforms.putObject(p.name());
        n.set("settings", ReportWriter.MAPPER.valueToTree(p.settings()));
        n.put("status", p.summary().status());
        if (!p.complete()) {
            n.put("input", p.input().firstLoss());
        }
        if (p.summary().notBuilt() != null) {
            n.put(
                    "notBuilt",
                    p.summary().notBuilt().function() + ": "
                            + p.summary().notBuilt().reason());
        }
        if (p.grid() != null) {
            // The Xen x Linux grid: per pair, the strategies that boot Dom0, or Xen's refusal.
            ObjectNode grid = n.putObject("versionGrid");
            for (VersionGrid.Cell c : p.grid().cells()) {
                ObjectNode cell = grid.putObject("xen-" + c.xen() + "/linux-" + c.linux());
                cell.put("built", c.built());
                if (!c.built()) {
                    cell.put("notBuilt", c.notBuilt());
                    continue;
                }
                ArrayNode boots = cell.putArray("booting");
                c.booting().forEach(boots::add);
                ArrayNode losesDma = cell.putArray("losesDma");
                ArrayNode losesFeatures = cell.putArray("losesFeatures");
                c.strategies().stream()
                        .filter(VersionGrid.StrategyCell::losesDma)
                        .forEach(x -> losesDma.add(x.strategy()));
                c.strategies().stream()
                        .filter(VersionGrid.StrategyCell::losesFeatures)
                        .forEach(x -> losesFeatures.add(x.strategy()));
            }
        }
    }

    /** A run of the tool with these rules, its kind of results named by its automation id, then its results. */
    private void run(JsonGenerator g, String id, List<Rule> list, PartFile results) throws IOException {
        ObjectNode run = ReportWriter.MAPPER.createObjectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xen-acpi-conformance");
        driver.put("version", toolVersion);
        driver.put("informationUri", ToolVersion.url());
        ArrayNode rules = driver.putArray("rules");
        for (Rule r : list) {
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
        run.putObject("properties").set("platforms", platforms);
        ObjectNode automation = run.putObject("automationDetails");
        automation.put("id", id + "/");
        automation
                .putObject("description")
                .put(
                        "text",
                        id.equals(FIRMWARE_RUN)
                                ? "Firmware findings: table defects, for the firmware vendor."
                                : "Strategy outcomes: what each Xen mapping strategy does to Dom0's boot, for the Xen/Linux"
                                        + " integrator, one result per region, strategy and cause.");
        run.set("originalUriBaseIds", locator.bases());
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> member : run.properties()) {
            g.writeFieldName(member.getKey());
            g.writeTree(member.getValue());
        }
        g.writeArrayFieldStart("results");
        results.forEachLine(line -> g.writeTree(ReportWriter.MAPPER.readTree(line)));
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Map<String, Integer> index(List<Rule> rules) {
        Map<String, Integer> index = new HashMap<>();
        for (Rule r : rules) {
            index.put(r.id(), index.size());
        }
        return index;
    }

    private ObjectNode result(
            PlatformReport p,
            String ruleId,
            Severity severity,
            String message,
            String tableName,
            int instance,
            long offset,
            String path,
            Map<String, Integer> index,
            List<String> identity) {
        ObjectNode n = ReportWriter.MAPPER.createObjectNode();
        n.put("ruleId", ruleId);
        if (index.containsKey(ruleId)) {
            n.put("ruleIndex", index.get(ruleId));
        }
        n.put("level", level(severity));
        n.putObject("message").put("text", message);
        ObjectNode location = n.putArray("locations").addObject();
        ReportedPlatform.Table table = p.platform().table(tableName, instance).orElse(null);
        if (table != null) {
            ObjectNode physical = location.putObject("physicalLocation");
            TableOrigin origin = table.origin();
            locator.locate(p, origin, table, physical.putObject("artifactLocation"));
            ObjectNode region = physical.putObject("region");
            switch (origin.format()) {
                case ACPIDUMP_TEXT -> region.put("startLine", Math.max(1, origin.line()));
                default -> region.put("byteOffset", origin.fileOffset() + Math.max(0, offset));
            }
        }
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        String table0 = tableName.isEmpty() ? "platform" : tableName + (instance > 1 ? "#" + instance : "");
        logical.put("name", path.isEmpty() ? table0 : path);
        logical.put("fullyQualifiedName", p.name() + "/" + table0 + (path.isEmpty() ? "" : "/" + path));
        logical.put("kind", path.startsWith("\\") ? "function" : "member");
        List<String> parts = new ArrayList<>(List.of(p.name(), ruleId, table0, path, Long.toString(offset)));
        parts.addAll(identity);
        // Findings alike in every part are told apart by their order of appearance, so each fingerprint is unique.
        String key = String.join("\u0000", parts);
        int occurrence = seen.computeIfAbsent(p.name(), name -> new HashMap<>()).merge(key, 1, Integer::sum);
        if (occurrence > 1) {
            parts.add("#" + occurrence);
        }
        n.putObject("partialFingerprints").put("xenacpiFinding/v1", fingerprint(parts));
        ObjectNode props = n.putObject("properties");
        props.put("platform", p.name());
        props.put("tableOffset", offset);
        return n;
    }

    /** Where table files are, relative to the source root or to their platform's folder. */
    private static final class Locator {
        private final Path root;
        private final Map<String, Path> platformBases = new java.util.LinkedHashMap<>();
        private final Map<String, String> platformIds = new HashMap<>();

        Locator(Path root) {
            this.root = root;
        }

        /** Takes in the next platform: one outside the root gets the next {@code PLATFORM} base. */
        void add(PlatformReport p) {
            Path abs = p.platform().source().toAbsolutePath().normalize();
            Path folder = java.nio.file.Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
            if (!folder.startsWith(root)) {
                String id = "PLATFORM" + (platformBases.size() + 1);
                platformBases.put(id, folder);
                platformIds.put(p.name(), id);
            } else {
                platformIds.remove(p.name());
            }
        }

        /** The {@code originalUriBaseIds} of a run. */
        ObjectNode bases() {
            ObjectNode bases = ReportWriter.MAPPER.createObjectNode();
            bases.putObject(SRCROOT).put("uri", folderUri(root));
            platformBases.forEach((id, folder) -> bases.putObject(id).put("uri", folderUri(folder)));
            return bases;
        }

        void locate(PlatformReport p, TableOrigin origin, ReportedPlatform.Table table, ObjectNode artifact) {
            if (origin.format() == SourceFormat.BUILDER) {
                artifact.put(
                        "uri",
                        encode("builder/" + table.signature() + (table.instance() > 1 ? table.instance() : "")
                                + ".dat"));
                return;
            }
            Path file = origin.file().toAbsolutePath().normalize();
            String id = platformIds.get(p.name());
            Path base = id == null ? root : platformBases.get(id);
            if (file.startsWith(base)) {
                artifact.put("uri", encode(base.relativize(file).toString().replace('\\', '/')));
                artifact.put("uriBaseId", id == null ? SRCROOT : id);
            } else {
                artifact.put("uri", encode(file.getFileName().toString()));
                artifact.put("uriBaseId", id == null ? SRCROOT : id);
            }
        }

        private static String folderUri(Path folder) {
            String uri = folder.toUri().toString();
            return uri.endsWith("/") ? uri : uri + "/";
        }
    }

    /** A relative path as a URI reference: unreserved characters and slashes kept, the rest percent-encoded. */
    private static String encode(String name) {
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

    private static String fingerprint(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
