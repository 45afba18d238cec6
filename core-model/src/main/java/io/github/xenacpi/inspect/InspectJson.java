package io.github.xenacpi.inspect;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableHeader;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.NamespaceSurvey;
import io.github.xenacpi.aml.resource.RawData;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The {@code xenacpi-inspect/1} JSON document of one inspected platform: its source, every table with its
 * header and decoded fields, every described region (base and length as {@code "0x…"} strings) and every
 * diagnostic. The schema ships as {@code io/github/xenacpi/inspect/xenacpi-inspect-1.schema.json}.
 */
public final class InspectJson {

    /** The value of the document's {@code schema} member. */
    public static final String SCHEMA = "xenacpi-inspect/1";

    /** Where the JSON Schema of the document lies on the class path. */
    public static final String SCHEMA_RESOURCE = "/io/github/xenacpi/inspect/xenacpi-inspect-1.schema.json";

    // Decoded records serialise through their components only: helper methods such as GenericAddress.isNull()
    // are not fields of the table. An Optional component is its value, or null when empty; opaque descriptor
    // bytes are an upper-case hex string.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("xenacpi-optionals")
                    .addSerializer(Optional.class, new OptionalSerializer())
                    .addSerializer(OptionalInt.class, new ConvertingSerializer<>(OptionalInt.class,
                            o -> o.isPresent() ? (Object) o.getAsInt() : null))
                    .addSerializer(OptionalLong.class, new ConvertingSerializer<>(OptionalLong.class,
                            o -> o.isPresent() ? (Object) o.getAsLong() : null))
                    .addSerializer(RawData.class, new ConvertingSerializer<>(RawData.class,
                            d -> HexFormat.of().withUpperCase().formatHex(d.toArray()))));

    private InspectJson() {
    }

    /** The document of a platform's tables and namespace, with the default descriptor and no simulations. */
    public static ObjectNode of(AcpiTables tables) {
        return of(new Platform("", tables, PlatformDescriptor.DEFAULT), List.of());
    }

    /** The document as a tree, with the simulation of each strategy. */
    public static ObjectNode of(Platform whole, List<SimulationResult> simulations) {
        AcpiTables platform = whole.tables();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode source = root.putObject("source");
        source.put("path", String.valueOf(platform.image().path()));
        source.put("format", platform.image().format().name());
        ArrayNode tables = root.putArray("tables");
        for (LoadedTable t : platform.all()) {
            tables.add(table(t));
        }
        ArrayNode regions = root.putArray("regions");
        for (DescribedRegion r : whole.regions()) {
            ObjectNode n = regions.addObject();
            n.put("kind", r.kind().name());
            n.put("space", r.space().name());
            n.put("base", hex(r.base()));
            n.put("length", hex(r.length()));
            n.put("table", r.table());
            n.put("instance", r.instance());
            n.put("path", r.path());
            n.put("offset", r.offset());
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : whole.diagnostics()) {
            ObjectNode n = diagnostics.addObject();
            n.put("table", d.table());
            n.put("instance", d.instance());
            n.put("offset", d.offset());
            n.put("severity", d.severity().label());
            n.put("message", d.message());
        }
        root.set("namespace", namespace(whole));
        if (!simulations.isEmpty()) {
            ArrayNode sims = root.putArray("simulations");
            simulations.forEach(r -> sims.add(simulation(r)));
        }
        return root;
    }

    /** What the namespace holds and what Linux's boot walk found in it. */
    private static ObjectNode namespace(Platform platform) {
        ObjectNode n = MAPPER.createObjectNode();
        NamespaceCounts counts = platform.namespace().namespace().counts();
        n.put("objects", counts.objects());
        n.put("methods", counts.methods());
        n.put("names", counts.names());
        ArrayNode devices = n.putArray("devices");
        for (NamespaceSurvey.DeviceInfo d : platform.survey().devices()) {
            ObjectNode e = devices.addObject();
            e.put("path", d.path());
            e.put("hid", d.hid());
            ArrayNode cids = e.putArray("cids");
            d.cids().forEach(cids::add);
            e.put("uid", d.uid());
            e.put("sta", hex(d.sta()));
            e.put("enumerated", d.enumerated());
            ArrayNode resources = e.putArray("resources");
            if (d.crs() != null) {
                for (Resource r : d.crs().resources()) {
                    ObjectNode res = MAPPER.valueToTree(r);
                    res.put("type", r.getClass().getSimpleName());
                    resources.add(res);
                }
            }
        }
        ArrayNode regions = n.putArray("operationRegions");
        for (NamespaceSurvey.RegionInfo r : platform.survey().operationRegions()) {
            ObjectNode e = regions.addObject();
            e.put("path", r.path());
            e.put("space", r.space().name());
            if (r.resolved()) {
                e.put("base", hex(r.base().getAsLong()));
                e.put("length", hex(r.length().getAsLong()));
            } else {
                e.putNull("base");
                e.putNull("length");
            }
            e.put("resolved", r.resolved());
            e.put("reason", r.unresolvedReason());
            e.put("touchedAtBoot", r.touchedAtBoot());
        }
        return n;
    }

    private static ObjectNode simulation(SimulationResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("strategy", r.strategy());
        n.put("xen", r.xen().toString());
        n.put("linux", r.linux().toString());
        n.put("smmu", r.smmu().id());
        n.put("verdict", r.verdict().name());
        if (r.notBuilt() != null) {
            ObjectNode nb = n.putObject("notBuilt");
            nb.put("function", r.notBuilt().function());
            nb.put("reason", r.notBuilt().reason());
        }
        ArrayNode outcomes = n.putArray("outcomes");
        for (Outcome o : r.outcomes()) {
            ObjectNode e = outcomes.addObject();
            e.put("order", o.event().order());
            e.put("stage", o.event().stage().name());
            e.put("api", o.event().api().name());
            e.put("function", o.event().function());
            e.put("kind", o.event().kind().name());
            e.put("base", hex(o.event().base()));
            e.put("length", hex(o.event().length()));
            e.put("source", o.event().source());
            e.put("result", o.result().name());
            e.put("reason", o.reason());
            e.put("feature", o.event().feature());
        }
        SimulationCosts c = r.costs();
        ObjectNode costs = n.putObject("costs");
        costs.put("hypercalls", c.hypercalls());
        costs.put("stage2Faults", c.stage2Faults());
        costs.put("pagesMapped", c.pagesMapped());
        costs.put("p2mTablePages", c.p2mTablePages());
        costs.put("p2mTableBytes", c.p2mTableBytes());
        costs.put("estimatedMicros", c.estimatedMicros());
        return n;
    }

    /** The document as indented text. */
    public static String text(Platform platform, List<SimulationResult> simulations) {
        try {
            return MAPPER.writeValueAsString(of(platform, simulations));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes the document to a file, creating its folder. */
    public static void write(Platform platform, List<SimulationResult> simulations, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), of(platform, simulations));
    }

    /** An unsigned 64-bit value as {@code 0x} and upper-case hex digits. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }

    /** Writes an Optional as its value, or null when empty. */
    @SuppressWarnings("rawtypes")
    private static final class OptionalSerializer extends StdSerializer<Optional> {
        private static final long serialVersionUID = 1L;

        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(value.orElse(null), gen);
        }
    }

    /** Writes a value through a conversion: a primitive optional as its value or null, raw bytes as hex. */
    private static final class ConvertingSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<T, Object> value;

        ConvertingSerializer(Class<T> type, Function<T, Object> value) {
            super(type);
            this.value = value;
        }

        @Override
        public void serialize(T optional, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(value.apply(optional), gen);
        }
    }

    private static ObjectNode table(LoadedTable t) {
        TableHeader h = t.header();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("signature", t.signature());
        n.put("instance", t.instance());
        n.put("length", h.length());
        n.put("revision", h.revision());
        n.put("checksumValid", t.checksumValid());
        n.put("oemId", h.oemId());
        n.put("oemTableId", h.oemTableId());
        n.put("oemRevision", h.oemRevision());
        n.put("creatorId", h.creatorId());
        n.put("creatorRevision", h.creatorRevision());
        n.set("fields", fields((Record) t.table()));
        return n;
    }

    /** A decoded table's record (or any record shaped like one) as JSON, without its header. */
    static ObjectNode fields(Record table) {
        JsonNode tree = MAPPER.valueToTree(table);
        ObjectNode fields = tree instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        fields.remove("header");
        return fields;
    }
}
