package io.github.xenacpi.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small JSON Schema checker for the keywords the inspect schema uses (type, required, properties, items,
 * const, enum, pattern, minimum); enough to hold the produced documents to the shipped schema without a new
 * dependency.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    /** Every violation of {@code schema} by {@code value}, each naming its JSON pointer. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        String where = at.isEmpty() ? "/" : at;
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            out.add(where + ": expected " + schema.get("type").asText() + ", found " + value.getNodeType());
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
        if (schema.has("pattern") && value.isTextual() && !value.asText().matches(schema.get("pattern").asText())) {
            out.add(where + ": " + value + " does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && value.isNumber() && value.asLong() < schema.get("minimum").asLong()) {
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
