package io.redisinfo.k8s.crd;

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
 * </ul>
 */
public final class GeneratedCrdFixer {
  static final String HEADER =
      "# Generated from io.redisinfo.k8s.crd by `./mvnw process-classes`: do not edit.\n";

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
      dropAdditionalPropertiesOfFreeFormObjects(version.getSchema().getOpenAPIV3Schema());
    }
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
