package io.redisinfo.k8s.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a document against the structural OpenAPI schema of a CRD the way the API server does for
 * the parts that need no CEL: types, required properties, enums, numeric ranges, string lengths and
 * patterns, and unknown fields (which the API server would prune or reject). CEL rules are left to
 * {@link io.redisinfo.component.ComponentParser}.
 */
final class SchemaChecker {
  private SchemaChecker() {}

  /** Every violation, each with the JSON path where it occurs. */
  static List<String> problems(JSONSchemaProps schema, JsonNode value, String path) {
    List<String> problems = new ArrayList<>();
    check(schema, value, path, problems);
    return problems;
  }

  private static void check(JSONSchemaProps schema, JsonNode value, String path, List<String> out) {
    if (value == null || value.isNull()) {
      return;
    }
    String type = schema.getType();
    if (type != null && !hasType(value, type)) {
      out.add(path + ": expected " + type + ", got " + value.getNodeType());
      return;
    }
    if (schema.getEnum() != null
        && !schema.getEnum().isEmpty()
        && !schema.getEnum().contains(value)) {
      out.add(path + ": " + value + " is not one of " + schema.getEnum());
    }
    if (value.isNumber()) {
      if (schema.getMinimum() != null && value.asDouble() < schema.getMinimum()) {
        out.add(path + ": " + value + " is less than " + schema.getMinimum());
      }
      if (schema.getMaximum() != null && value.asDouble() > schema.getMaximum()) {
        out.add(path + ": " + value + " is greater than " + schema.getMaximum());
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
        out.add(path + ": shorter than " + schema.getMinLength());
      }
      if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
        out.add(path + ": longer than " + schema.getMaxLength());
      }
      if (schema.getPattern() != null
          && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
        out.add(path + ": '" + text + "' does not match " + schema.getPattern());
      }
    }
    if (value.isArray() && schema.getItems() != null && schema.getItems().getSchema() != null) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.getItems().getSchema(), value.get(i), path + "[" + i + "]", out);
      }
    }
    if (value.isObject()) {
      checkObject(schema, value, path, out);
    }
  }

  private static void checkObject(
      JSONSchemaProps schema, JsonNode value, String path, List<String> out) {
    if (schema.getRequired() != null) {
      for (String required : schema.getRequired()) {
        if (!value.has(required)) {
          out.add(path + "." + required + ": required");
        }
      }
    }
    Map<String, JSONSchemaProps> properties = schema.getProperties();
    boolean preserveUnknown = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
    JSONSchemaProps additional =
        schema.getAdditionalProperties() == null
            ? null
            : schema.getAdditionalProperties().getSchema();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path + "." + field.getKey();
      if (properties != null && properties.containsKey(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), fieldPath, out);
      } else if (additional != null) {
        check(additional, field.getValue(), fieldPath, out);
      } else if (!preserveUnknown) {
        out.add(fieldPath + ": unknown field");
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
      default -> true;
    };
  }
}
