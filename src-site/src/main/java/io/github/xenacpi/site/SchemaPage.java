package io.github.xenacpi.site;

import static io.github.xenacpi.site.Markdown.code;
import static io.github.xenacpi.site.Markdown.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.report.ConformanceReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schemas page: copies the JSON Schemas of the three documents from core-model's jar into the site, links
 * them, and lists the fields of the platform descriptor ({@code xenacpi.json}) from its schema.
 */
final class SchemaPage {
    /** The site folder the schema files are copied to. */
    static final String FOLDER = "schemas";

    /**
     * A descriptor equal to the {@code seed-rfc} preset's (a test holds it to that), shown as the example.
     */
    static final String EXAMPLE = """
            {
              "xen": "4.8",
              "linux": "6.6",
              "smmu": "shared",
              "dma": [
                { "device": "pcie-dma-engine", "address": "0x0C200000", "kind": "OPERATION_REGION",
                  "beforeCpu": true }
              ]
            }
            """;

    private record Schema(String resource, String document, String page) {
        String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    private static final List<Schema> SCHEMAS = List.of(
            new Schema(
                    ConformanceReport.SCHEMA_RESOURCE,
                    "`report.json` of a conformance report (`" + ConformanceReport.SCHEMA + "`)",
                    "[The conformance report](reports.html)"),
            new Schema(
                    InspectJson.SCHEMA_RESOURCE,
                    "the inspect JSON (`" + InspectJson.SCHEMA + "`)",
                    "[The inspect JSON](inspect-json.html)"),
            new Schema(
                    PlatformDescriptorReader.SCHEMA_RESOURCE,
                    "the platform descriptor `" + PlatformDescriptorReader.FILE_NAME + "`",
                    "[below](#The_platform_descriptor)"));

    private SchemaPage() {}

    /** Copies the schema files into {@code resources} and returns the page's Markdown. */
    static String write(Path resources) throws SiteException {
        Path folder = resources.resolve(FOLDER);
        JsonNode descriptor;
        try {
            Files.createDirectories(folder);
            for (Schema s : SCHEMAS) {
                try (InputStream in = open(s.resource())) {
                    Files.copy(in, folder.resolve(s.fileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InputStream in = open(PlatformDescriptorReader.SCHEMA_RESOURCE)) {
                descriptor = new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw new SiteException("cannot copy the JSON Schemas into " + folder + ": " + e.getMessage(), e);
        }
        StringBuilder md = new StringBuilder("# JSON Schemas\n\n");
        md.append("""
                The tool reads one JSON document and writes two. Their JSON Schemas (draft 2020-12) ship in the
                core-model jar; this site carries copies, made from the jar while the site is built.

                """);
        md.append(Markdown.table(
                List.of("Schema", "Describes", "Resource in the jar", "Explained in"),
                SCHEMAS.stream()
                        .map(s -> List.of(
                                "[" + code(s.fileName()) + "](" + FOLDER + "/" + s.fileName() + ")",
                                s.document(),
                                code(s.resource().substring(1)),
                                s.page()))
                        .toList()));
        md.append("## The platform descriptor\n\n");
        md.append("""
                An acpidump says what the firmware describes, not how the machine is run. The optional
                `xenacpi.json` says the rest: which Xen and Linux boot on it, whether an SMMU shares Dom0's stage-2
                tables, which devices write memory by DMA, and what AML reads from memory. Put it in the folder of
                tables, or beside the acpidump file. Every field is optional; an absent one takes the default of a
                bare dump (Xen 4.8, Linux 4.10, no SMMU: the setting of the original problem). An unknown key or a
                bad value stops the run with a message naming the key and where it was.

                Fields (from the schema):

                """);
        md.append(Markdown.table(List.of("Field", "Type", "Default", "Meaning"), fields(descriptor)));
        md.append("The descriptor of the `seed-rfc` [preset](presets.html), written as a file:\n\n```json\n")
                .append(EXAMPLE)
                .append("```\n\n");
        md.append("""
                Addresses are strings, hex (`"0x0C200000"`, underscores allowed) or decimal. A DMA scenario's
                `kind` is a region kind as the inspect JSON writes it (`ECAM`, `GIC_ITS`, `OPERATION_REGION`,
                ...); `beforeCpu` says the device writes the page before the CPU first touches it, the case that
                the `stage2-fault` strategy cannot serve when the SMMU shares the stage-2 tables.
                """);
        return md.toString();
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = SchemaPage.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the class path has no " + resource + " (is core-model on it?)");
        }
        return in;
    }

    /** One row per property, with the properties of array items and of objects as {@code name[].field}. */
    private static List<List<String>> fields(JsonNode schema) {
        List<List<String>> rows = new ArrayList<>();
        addFields(rows, "", schema.path("properties"));
        return rows;
    }

    private static void addFields(List<List<String>> rows, String prefix, JsonNode properties) {
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            JsonNode p = e.getValue();
            String name = prefix + e.getKey();
            rows.add(List.of(
                    code(name),
                    type(p),
                    p.has("default") ? code(p.get("default").toString()) : "",
                    text(p.path("description").asText(""))));
            JsonNode items = p.path("items");
            if (items.has("properties")) {
                addFields(rows, name + "[].", items.path("properties"));
            }
        }
    }

    private static String type(JsonNode p) {
        if (p.has("enum")) {
            List<String> values = new ArrayList<>();
            p.get("enum").forEach(v -> values.add(code(v.asText())));
            return "one of " + String.join(", ", values);
        }
        if (p.has("$ref")) {
            return "address";
        }
        String type = p.path("type").asText("");
        return "object".equals(type) && p.has("propertyNames") ? "object (address to address)" : type;
    }
}
