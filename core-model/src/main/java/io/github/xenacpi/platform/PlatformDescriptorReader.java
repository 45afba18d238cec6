package io.github.xenacpi.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.xenacpi.acpi.region.RegionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code xenacpi.json}: unknown keys are an error naming the key and where it is, addresses are hex
 * strings ({@code "0x80000000"}) or numbers, and every absent field takes its default from
 * {@link PlatformDescriptor#DEFAULT}. The JSON Schema ships in the jar as {@link #SCHEMA_RESOURCE}. It also
 * writes a descriptor in that form, for tables written beside it (a preset handed to a project's tests).
 */
public final class PlatformDescriptorReader {
    /** The descriptor's file name, beside the tables. */
    public static final String FILE_NAME = "xenacpi.json";
    /** Class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/io/github/xenacpi/platform/xenacpi-descriptor.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A key the JSONPath of a message writes after a dot; any other key goes in brackets, quoted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PlatformDescriptorReader() {}

    /** The descriptor beside a firmware path: its folder's (or its own folder's) xenacpi.json, if any. */
    public static PlatformDescriptor besides(Path firmware) throws PlatformException {
        Path dir = Files.isDirectory(firmware)
                ? firmware
                : firmware.toAbsolutePath().getParent();
        Path file = dir == null ? null : dir.resolve(FILE_NAME);
        return file != null && Files.isRegularFile(file) ? read(file) : PlatformDescriptor.DEFAULT;
    }

    /** Reads one descriptor file. */
    public static PlatformDescriptor read(Path file) throws PlatformException {
        Json json;
        try {
            json = MAPPER.readValue(file.toFile(), Json.class);
        } catch (UnrecognizedPropertyException e) {
            throw new PlatformException(
                    String.format(
                            "%s: unknown key %s at %s; known keys there: %s",
                            file, quoted(e.getPropertyName()), where(e), e.getKnownPropertyIds()),
                    e);
        } catch (JsonMappingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                throw new PlatformException(
                        String.format(
                                "%s: more text after the descriptor's object (line %d);"
                                        + " a descriptor is one JSON object",
                                file,
                                e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
                        e);
            }
            throw new PlatformException(String.format("%s: invalid value at %s: %s", file, where(e), expected(e)), e);
        } catch (JsonProcessingException e) {
            throw new PlatformException(
                    String.format(
                            "%s: not valid JSON (line %d): %s",
                            file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new PlatformException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new PlatformException(
                    file + ": holds JSON null where an object is expected (schema " + SCHEMA_RESOURCE + ")");
        }
        try {
            return json.toDescriptor();
        } catch (IllegalArgumentException e) {
            throw new PlatformException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the descriptor as {@code xenacpi.json} text that {@link #read} gives back equal. */
    public static String json(PlatformDescriptor d) {
        List<Range> ram = d.ram().stream()
                .map(r -> new Range(hex(r.base()), hex(r.length())))
                .toList();
        List<Dma> dma = d.dma().stream()
                .map(x -> new Dma(
                        x.device(),
                        hex(x.address()),
                        x.targetKind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        x.beforeCpu()))
                .toList();
        Map<String, String> memory = new LinkedHashMap<>();
        d.amlMemory().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> memory.put(hex(e.getKey()), hex(e.getValue())));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new Json(
                            ram,
                            d.ipaBits(),
                            d.xen().toString(),
                            d.linux().toString(),
                            d.smmu().id(),
                            d.earlycon(),
                            dma,
                            memory,
                            d.xenHasIts() ? Boolean.TRUE : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a descriptor did not serialise: " + e.getOriginalMessage(), e);
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /**
     * Where the problem is, as a JSONPath: {@code $.ram[0].length}, with a key that is not a plain name in brackets
     * and quotes ({@code $["a.b"]}), so that the path reads the same whatever the key holds.
     */
    private static String where(JsonMappingException e) {
        return "$"
                + e.getPath().stream()
                        .map(r -> r.getFieldName() == null
                                ? "[" + r.getIndex() + "]"
                                : PLAIN_NAME.matcher(r.getFieldName()).matches()
                                        ? "." + r.getFieldName()
                                        : "[" + quoted(r.getFieldName()) + "]")
                        .collect(Collectors.joining());
    }

    /** A key as a JSON string literal: quotes, backslashes and control characters escaped, so it cannot be misread. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** What the value should have been, in the descriptor's words, never a Java type or a parser's internals. */
    private static String expected(JsonMappingException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required")) {
            return "missing; it is required";
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return "not what the schema (" + SCHEMA_RESOURCE + ") allows there";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "expected a list [...]";
        }
        return "expected an object {...}";
    }

    /** Parses {@code 0x...} hex or decimal as an unsigned 64-bit value (a sign or a value past 2^64 is refused). */
    static long address(String text, String key) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            if (t.startsWith("+") || t.startsWith("-")) {
                throw new NumberFormatException("signed");
            }
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + ": \"" + text + "\" is not an unsigned 64-bit address (0x..." + " or decimal, below 2^64)",
                    e);
        }
    }

    /** The file's shape. */
    record Json(
            @JsonProperty("ram") List<Range> ram,
            @JsonProperty("ipaBits") Integer ipaBits,
            @JsonProperty("xen") String xen,
            @JsonProperty("linux") String linux,
            @JsonProperty("smmu") String smmu,
            @JsonProperty("earlycon") Boolean earlycon,
            @JsonProperty("dma") List<Dma> dma,
            @JsonProperty("amlMemory") Map<String, String> amlMemory,

            @JsonProperty("xenHasIts") @JsonInclude(JsonInclude.Include.NON_NULL)
            Boolean xenHasIts) {

        PlatformDescriptor toDescriptor() {
            PlatformDescriptor d = PlatformDescriptor.DEFAULT;
            List<MemoryRange> ranges = new ArrayList<>();
            for (int i = 0; ram != null && i < ram.size(); i++) {
                Range r = ram.get(i);
                long base = address(r.base(), "ram[" + i + "].base");
                long length = address(r.length(), "ram[" + i + "].length");
                try {
                    ranges.add(new MemoryRange(base, length));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("ram[" + i + "]: " + e.getMessage(), e);
                }
            }
            List<DmaScenario> targets = new ArrayList<>();
            for (int i = 0; dma != null && i < dma.size(); i++) {
                Dma x = dma.get(i);
                RegionKind kind;
                try {
                    kind = RegionKind.valueOf(x.kind().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(
                            "dma[" + i + "].kind: \"" + x.kind() + "\" is not a region kind", e);
                }
                targets.add(new DmaScenario(
                        x.device(),
                        kind,
                        address(x.address(), "dma[" + i + "].address"),
                        x.beforeCpu() == null || x.beforeCpu()));
            }
            Map<Long, Long> memory = new LinkedHashMap<>();
            if (amlMemory != null) {
                amlMemory.forEach((k, v) -> memory.put(address(k, "amlMemory key"), address(v, "amlMemory." + k)));
            }
            return new PlatformDescriptor(
                    ranges,
                    ipaBits == null ? d.ipaBits() : ipaBits,
                    xen == null ? d.xen() : XenVersion.parse(xen),
                    linux == null ? d.linux() : LinuxVersion.parse(linux),
                    smmu == null ? d.smmu() : SmmuMode.of(smmu),
                    earlycon == null ? d.earlycon() : earlycon,
                    targets,
                    memory,
                    xenHasIts == null ? d.xenHasIts() : xenHasIts,
                    new SettingSources(source(xen), source(linux), source(smmu)));
        }

        private static SettingSource source(String value) {
            return value == null ? SettingSource.DEFAULT : SettingSource.DESCRIPTOR;
        }
    }

    /** A RAM range. */
    record Range(
            @JsonProperty(value = "base", required = true) String base,
            @JsonProperty(value = "length", required = true) String length) {}

    /** A DMA scenario. */
    record Dma(
            @JsonProperty(value = "device", required = true) String device,

            @JsonProperty(value = "address", required = true)
            String address,

            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty("beforeCpu") Boolean beforeCpu) {}
}
