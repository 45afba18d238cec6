package io.github.xenacpi.inspect;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.resource.RawData;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.simulation.SimulationResult;
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
 * Writes the {@code xenacpi-inspect/1} JSON document of one inspected platform ({@link InspectDocument}: its
 * source, every table with its header and decoded fields, every described region with base and length as
 * {@code "0x…"} strings, every diagnostic, the namespace and the simulations) with Jackson. The schema ships as
 * {@code io/github/xenacpi/inspect/xenacpi-inspect-1.schema.json}.
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
                    .addSerializer(
                            OptionalInt.class,
                            new ConvertingSerializer<>(
                                    OptionalInt.class, o -> o.isPresent() ? (Object) o.getAsInt() : null))
                    .addSerializer(
                            OptionalLong.class,
                            new ConvertingSerializer<>(
                                    OptionalLong.class, o -> o.isPresent() ? (Object) o.getAsLong() : null))
                    .addSerializer(
                            RawData.class,
                            new ConvertingSerializer<>(
                                    RawData.class,
                                    d -> HexFormat.of().withUpperCase().formatHex(d.toArray()))));

    private InspectJson() {}

    /** The document of a platform's tables and namespace, with the default descriptor and no simulations. */
    public static ObjectNode of(AcpiTables tables) {
        return of(new Platform("", tables, PlatformDescriptor.DEFAULT), List.of());
    }

    /** The document as a tree, with the simulation of each strategy. */
    public static ObjectNode of(Platform whole, List<SimulationResult> simulations) {
        return MAPPER.valueToTree(InspectDocument.of(whole, simulations));
    }

    /**
     * A new Jackson mapper that writes the typed documents as this format does: records through their
     * components only, an Optional as its value or null, opaque descriptor bytes as upper-case hex, indented.
     */
    public static ObjectMapper newMapper() {
        return MAPPER.copy();
    }

    /** The document as indented text. */
    public static String text(Platform platform, List<SimulationResult> simulations) {
        try {
            return MAPPER.writeValueAsString(InspectDocument.of(platform, simulations));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes the document to a file, creating its folder. */
    public static void write(Platform platform, List<SimulationResult> simulations, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), InspectDocument.of(platform, simulations));
    }

    /** An unsigned 64-bit value as {@code 0x} and upper-case hex digits. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }

    /** Writes an Optional as its value, or null when empty. */
    @SuppressWarnings({"rawtypes", "unchecked"}) // Jackson registers serializers by raw class.
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

    /** A decoded table's record (or any record shaped like one) as JSON, without its header. */
    static ObjectNode fields(Record table) {
        JsonNode tree = MAPPER.valueToTree(table);
        ObjectNode fields = tree instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        fields.remove("header");
        return fields;
    }
}
