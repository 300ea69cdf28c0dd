package io.redisinfo.resource;

import static io.redisinfo.k8s.ProjectFiles.CRD_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.k8s.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code examples/} holds valid RedisComponents (and the Secrets they refer to):
 * valid against the generated CRD's structural schema, and against its CEL rules as far as {@link
 * ComponentParser} (which applies the same rules to files and to resources) checks them.
 */
class ExamplesTest {
  private static JSONSchemaProps schema;

  @BeforeAll
  static void loadSchema() {
    CustomResourceDefinition crd =
        ProjectFiles.serialization()
            .unmarshal(
                ProjectFiles.read(ProjectFiles.path("crds/" + CRD_FILE)),
                CustomResourceDefinition.class);
    schema = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }

  static Stream<Path> exampleFiles() {
    return ProjectFiles.filesIn("examples").stream();
  }

  private static List<HasMetadata> objectsIn(Path file) {
    Object loaded = ProjectFiles.serialization().unmarshal(ProjectFiles.read(file));
    List<HasMetadata> objects = new ArrayList<>();
    if (loaded instanceof List<?> list) {
      list.forEach(o -> objects.add((HasMetadata) o));
    } else {
      objects.add((HasMetadata) loaded);
    }
    return objects;
  }

  private static List<JsonNode> documentsIn(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (var parser = yaml.getFactory().createParser(ProjectFiles.read(file))) {
      return yaml.readValues(parser, JsonNode.class).readAll();
    }
  }

  @Test
  void thereAreSeveralExamplesCoveringEndpointSelectorAuthPollingAndConfig() {
    List<RedisComponentSpec> specs =
        exampleFiles()
            .flatMap(f -> objectsIn(f).stream())
            .filter(RedisComponent.class::isInstance)
            .map(o -> ((RedisComponent) o).getSpec())
            .toList();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(4);
    assertThat(specs)
        .extracting(RedisComponentSpec::getPurpose)
        .contains(
            ComponentPurpose.CACHE,
            ComponentPurpose.COUNTER,
            ComponentPurpose.SESSION,
            ComponentPurpose.RATELIMIT);
    assertThat(specs).anyMatch(s -> s.getEndpoint() != null);
    assertThat(specs).anyMatch(s -> s.getSelector() != null);
    assertThat(specs)
        .anyMatch(
            s ->
                s.getAuth() != null
                    && s.getAuth().getUsername() != null
                    && s.getAuth().getPasswordSecretRef() != null);
    assertThat(specs).anyMatch(s -> s.getPolling() != null);
    assertThat(specs).anyMatch(s -> s.getConfig() != null && !s.getConfig().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void startsWithAnExplanatoryComment(Path file) {
    List<String> lines = ProjectFiles.read(file).lines().toList();
    long leadingComment = lines.stream().takeWhile(l -> l.startsWith("#")).count();
    assertThat(leadingComment).as(file.getFileName().toString()).isGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void parsesAsRedisComponentsAndSecretsOnly(Path file) {
    List<HasMetadata> objects = objectsIn(file);
    assertThat(objects).isNotEmpty();
    assertThat(objects)
        .allSatisfy(o -> assertThat(o).isInstanceOfAny(RedisComponent.class, Secret.class));
    assertThat(objects).anyMatch(RedisComponent.class::isInstance);
    for (HasMetadata o : objects) {
      assertThat(o.getMetadata().getName()).as(file.toString()).isNotBlank();
      assertThat(o.getMetadata().getNamespace())
          .as("examples are applied with -n NAMESPACE")
          .isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void componentsMatchTheGeneratedSchema(Path file) throws IOException {
    for (JsonNode document : documentsIn(file)) {
      if (!"RedisComponent".equals(document.path("kind").asText())) {
        continue;
      }
      assertThat(document.path("apiVersion").asText()).isEqualTo("redisinfo.io/v1alpha1");
      JsonNode withoutMetadata = document.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) withoutMetadata)
          .remove(List.of("apiVersion", "kind", "metadata"));
      assertThat(CrdSchema.problems(schema, withoutMetadata, ""))
          .as(file.getFileName().toString())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void componentsPassTheCelRules(Path file) throws IOException {
    ComponentParser parser = new ComponentParser(new ObjectMapper(), true);
    for (JsonNode document : documentsIn(file)) {
      if ("RedisComponent".equals(document.path("kind").asText())) {
        assertThat(parser.parse(document, "default").problems())
            .as(file.getFileName() + " " + document.path("metadata").path("name").asText())
            .isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void passwordSecretRefsPointAtASecretKeyInTheSameFile(Path file) {
    List<HasMetadata> objects = objectsIn(file);
    for (HasMetadata o : objects) {
      if (o instanceof RedisComponent component
          && component.getSpec().getAuth() != null
          && component.getSpec().getAuth().getPasswordSecretRef() != null) {
        SecretKeySelectorSpec ref = component.getSpec().getAuth().getPasswordSecretRef();
        assertThat(objects)
            .filteredOn(Secret.class::isInstance)
            .map(Secret.class::cast)
            .anySatisfy(
                s -> {
                  assertThat(s.getMetadata().getName()).isEqualTo(ref.getName());
                  assertThat(s.getStringData()).containsKey(ref.getKey());
                });
      }
    }
  }

  @Test
  void theSchemaCheckerCatchesWhatTheApiServerWouldReject() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode bad =
        yaml.readTree(
            """
            spec:
              purpose: archive
              endpoint: {port: 70000}
              podPort: "6379"
              polling: {minInterval: 5 seconds}
              tls: {enabled: false, verify: true}
              config: {ttl: 30, nested: {any: [1, "x"]}}
            """);
    assertThat(CrdSchema.problems(schema, bad, ""))
        .containsExactlyInAnyOrder(
            ".spec.purpose: \"archive\" is not one of "
                + schema.getProperties().get("spec").getProperties().get("purpose").getEnum(),
            ".spec.endpoint.host: required",
            ".spec.endpoint.port: 70000 is greater than 65535.0",
            ".spec.podPort: expected integer, got STRING",
            ".spec.polling.minInterval: '5 seconds' does not match " + PollingSpec.DURATION_PATTERN,
            ".spec.tls.verify: unknown field");
  }
}
