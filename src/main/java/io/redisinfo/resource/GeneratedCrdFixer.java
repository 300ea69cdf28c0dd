package io.redisinfo.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step run after fabric8's CRD generator (exec-maven-plugin, {@code process-classes}): fixes
 * what the generator (7.5) cannot express, then writes the result over the generated file and to
 * {@code crds/}.
 *
 * <ul>
 *   <li>The generator sorts printer columns by JSON path; {@code kubectl get} shows them in CRD
 *       order, so they are put back in the order {@link RedisComponent} declares them.
 *   <li>For a {@code Map<String, Object>} marked {@code @PreserveUnknownFields} the generator also
 *       emits {@code additionalProperties: {type: object}}, which would reject scalar values such
 *       as {@code ttl: 30}; it is removed so any JSON object is accepted.
 *   <li>{@code spec.selector} is fabric8's {@code LabelSelector}, whose schema carries no
 *       descriptions (so {@code kubectl explain} would show nothing) and no rules; the
 *       descriptions, the required key and operator, and the operator enum of the Kubernetes API
 *       are added.
 *   <li>The label {@code servicebinding.io/provisioned-service: "true"} (every RedisComponent is a
 *       provisioned service, see {@code status.binding}).
 *   <li>The root schema, {@code spec} and {@code status} get descriptions ({@code kubectl explain
 *       rediscomponents} would show {@code <empty>}): their fields live in fabric8's {@code
 *       CustomResource}, which we cannot annotate. So do the fields of {@code status.conditions},
 *       fabric8's {@code Condition}.
 * </ul>
 */
public final class GeneratedCrdFixer {
  static final String HEADER =
      "# Generated from io.redisinfo.resource by `./mvnw process-classes`: do not edit.\n";

  private static final String SELECTOR = "spec.selector";

  static final String PROVISIONED_SERVICE = "servicebinding.io/provisioned-service";

  /** Descriptions for the schema nodes of {@code spec.selector}, by path below it. */
  private static final Map<String, String> SELECTOR_DESCRIPTIONS =
      Map.of(
          "matchLabels",
          "Labels a pod must carry, each with exactly the given value. ANDed with"
              + " matchExpressions.",
          "matchExpressions",
          "Label requirements a pod must meet, all of them. ANDed with matchLabels.",
          "matchExpressions.key",
          "The label key the requirement applies to.",
          "matchExpressions.operator",
          "How the key relates to the values: In, NotIn, Exists or DoesNotExist.",
          "matchExpressions.values",
          "Label values: at least one for In and NotIn, none for Exists and DoesNotExist.");

  /** Descriptions for the fields of one entry of {@code status.conditions}. */
  static final Map<String, String> CONDITION_DESCRIPTIONS =
      Map.of(
          "type",
          "The aspect this condition is about; Ready: whether the component is polled"
              + " successfully.",
          "status",
          "True, False or Unknown (before the first poll).",
          "reason",
          "One CamelCase word, the cause: Ready, Polling, InvalidSpec, SecretNotFound,"
              + " SecretKeyNotFound, NoShards, AuthFailed, TlsFailed, ProtocolError, Loading,"
              + " Unreachable or InfoUnavailable (docs/KUBERNETES.md explains each).",
          "message",
          "For people: what happened and what to fix.",
          "lastTransitionTime",
          "When status last changed (RFC 3339); a new reason or message alone does not change"
              + " it.",
          "observedGeneration",
          "metadata.generation of the spec the condition was computed from.");

  private GeneratedCrdFixer() {}

  /**
   * @param args the generated CRD file (rewritten in place), then any number of copies to write
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: GeneratedCrdFixer GENERATED.yml [COPY.yml...]");
    }
    Path generated = Path.of(args[0]);
    CustomResourceDefinition crd;
    try (var in = Files.newInputStream(generated)) {
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    String yaml = HEADER + Serialization.asYaml(fix(crd, RedisComponent.class));
    for (String target : args) {
      Path path = Path.of(target);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, yaml, StandardCharsets.UTF_8);
    }
  }

  /** Applies both fixes to {@code crd} (changed in place) and returns it. */
  static CustomResourceDefinition fix(CustomResourceDefinition crd, Class<?> resourceClass) {
    List<String> declaredOrder =
        Arrays.stream(resourceClass.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns =
          new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(c -> orderOf(declaredOrder, c.getName())));
      version.setAdditionalPrinterColumns(columns);
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      dropAdditionalPropertiesOfFreeFormObjects(root);
      completeSelector(root.getProperties().get("spec").getProperties().get("selector"));
      describeRootSpecStatusAndConditions(root);
    }
    // servicebinding.io: a provisioned service's CRD carries this label, so that the Service
    // Binding runtime may read status.binding of its resources.
    crd.getMetadata().getLabels().put(PROVISIONED_SERVICE, "true");
    return crd;
  }

  private static int orderOf(List<String> declaredOrder, String column) {
    int index = declaredOrder.indexOf(column);
    if (index < 0) {
      throw new IllegalStateException(
          "printer column " + column + " is not declared on the resource class");
    }
    return index;
  }

  private static void describeRootSpecStatusAndConditions(JSONSchemaProps root) {
    root.setDescription(RedisComponent.DESCRIPTION);
    root.getProperties().get("spec").setDescription(RedisComponent.SPEC_DESCRIPTION);
    JSONSchemaProps status = root.getProperties().get("status");
    if (status == null) {
      throw new IllegalStateException("status is missing from the generated schema");
    }
    status.setDescription(RedisComponent.STATUS_DESCRIPTION);
    JSONSchemaProps conditions = status.getProperties().get("conditions");
    if (conditions == null || conditions.getItems() == null) {
      throw new IllegalStateException("status.conditions is missing from the generated schema");
    }
    JSONSchemaProps condition = conditions.getItems().getSchema();
    CONDITION_DESCRIPTIONS.forEach(
        (name, description) -> {
          JSONSchemaProps field = condition.getProperties().get(name);
          if (field == null) {
            throw new IllegalStateException("status.conditions[]." + name + " is missing");
          }
          field.setDescription(description);
        });
  }

  private static void completeSelector(JSONSchemaProps selector) {
    if (selector == null) {
      throw new IllegalStateException(SELECTOR + " is missing from the generated schema");
    }
    SELECTOR_DESCRIPTIONS.forEach(
        (path, description) -> {
          JSONSchemaProps node = selector;
          for (String name : path.split("\\.")) {
            JSONSchemaProps next =
                node.getProperties() == null ? null : node.getProperties().get(name);
            if (next == null && node.getItems() != null && node.getItems().getSchema() != null) {
              next = node.getItems().getSchema().getProperties().get(name);
            }
            if (next == null) {
              throw new IllegalStateException(
                  SELECTOR + "." + path + " is missing from the schema");
            }
            node = next;
          }
          node.setDescription(description);
        });
    JSONSchemaProps requirement =
        selector.getProperties().get("matchExpressions").getItems().getSchema();
    requirement.setRequired(List.of("key", "operator"));
    requirement
        .getProperties()
        .get("operator")
        .setEnum(
            Stream.of("In", "NotIn", "Exists", "DoesNotExist")
                .map(op -> (JsonNode) TextNode.valueOf(op))
                .toList());
  }

  private static void dropAdditionalPropertiesOfFreeFormObjects(JSONSchemaProps schema) {
    if (schema == null) {
      return;
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())
        && (schema.getProperties() == null || schema.getProperties().isEmpty())) {
      schema.setAdditionalProperties(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> dropAdditionalPropertiesOfFreeFormObjects(p));
    }
    if (schema.getItems() != null) {
      dropAdditionalPropertiesOfFreeFormObjects(schema.getItems().getSchema());
    }
    if (schema.getAdditionalProperties() != null) {
      dropAdditionalPropertiesOfFreeFormObjects(schema.getAdditionalProperties().getSchema());
    }
  }
}
