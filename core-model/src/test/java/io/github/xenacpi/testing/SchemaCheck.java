package io.github.xenacpi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small JSON Schema checker for the keywords the inspect schema uses (type, required, properties, items,
 * const, enum, pattern, minimum); enough to hold the produced documents to the shipped schema without a new
 * dependency.
 */
public final class SchemaCheck {

    private SchemaCheck() {}

    /** The JSON Schema of a class-path resource. */
    public static JsonNode load(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(Objects.requireNonNull(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of {@code schema} by {@code value}, each naming its JSON pointer. */
    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        String where = at.isEmpty() ? "/" : at;
        if (schema.has("type") && !hasAnyType(value, schema.get("type"))) {
            JsonNode type = schema.get("type");
            out.add(where + ": expected " + (type.isArray() ? type.toString() : type.asText()) + ", found "
                    + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(where + ": expected " + schema.get("const") + ", found " + value);
        }
        if (schema.has("enum")) {
            boolean any = false;
            for (JsonNode e : schema.get("enum")) {
                any |= e.equals(value);
            }
            if (!any) {
                out.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("pattern")
                && value.isTextual()
                && !value.asText().matches(schema.get("pattern").asText())) {
            out.add(where + ": " + value + " does not match "
                    + schema.get("pattern").asText());
        }
        if (schema.has("minimum")
                && value.isNumber()
                && value.asLong() < schema.get("minimum").asLong()) {
            out.add(where + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) {
                if (!value.has(r.asText())) {
                    out.add(where + ": required member '" + r.asText() + "' is missing");
                }
            }
        }
        if (schema.has("properties") && value.isObject()) {
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                if (value.has(p.getKey())) {
                    check(p.getValue(), value.get(p.getKey()), at + "/" + p.getKey(), out);
                }
            }
        }
        if (schema.has("items") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, out);
            }
        }
    }

    /** A type keyword is one type name or an array of them. */
    private static boolean hasAnyType(JsonNode value, JsonNode types) {
        if (!types.isArray()) {
            return hasType(value, types.asText());
        }
        for (JsonNode t : types) {
            if (hasType(value, t.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
