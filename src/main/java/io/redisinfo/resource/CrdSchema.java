package io.redisinfo.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * {@link io.redisinfo.component.ComponentParser}, which holds the cross-field rules for both
 * adapters.
 */
public final class CrdSchema {
  /** The generated CRD, as the build puts it in the jar (GeneratedCrdFixer has fixed it). */
  static final String CRD_RESOURCE = "/META-INF/fabric8/rediscomponents.redisinfo.io-v1.yml";

  private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final JSONSchemaProps spec;

  private CrdSchema(JSONSchemaProps spec) {
    this.spec = spec;
  }

  /**
   * The schema of {@code spec} in the RedisComponent CRD this jar was built with: standalone files
   * are checked against exactly what the API server checks resources against.
   */
  public static CrdSchema redisComponent() {
    try (java.io.InputStream in = CrdSchema.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CRD_RESOURCE + " is not on the classpath");
      }
      // A plain YAML mapper and only the spec's schema bound to the model: Fabric8's own
      // Serialization (all of its model registered) took a fifth of a second at start-up.
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      JsonNode spec =
          yaml.readTree(in).at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
      if (spec.isMissingNode()) {
        throw new IllegalStateException(CRD_RESOURCE + " has no schema for spec");
      }
      return new CrdSchema(yaml.treeToValue(spec, JSONSchemaProps.class));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every violation in a document's {@code spec}, each with its path (e.g. {@code spec.port}). */
  public List<String> specProblems(JsonNode document) {
    return problems(spec, document == null ? null : document.get("spec"), "spec");
  }

  /** Every violation, each with the JSON path where it occurs. */
  public static List<String> problems(JSONSchemaProps schema, JsonNode value, String path) {
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
          && !PATTERNS
              .computeIfAbsent(schema.getPattern(), Pattern::compile)
              .matcher(text)
              .find()) {
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
