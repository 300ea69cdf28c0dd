package io.redisinfo.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.redisinfo.k8s.ProjectFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix-up applied to the generator's output, on a CRD made to look like its raw output. */
class GeneratedCrdFixerTest {
  private static CustomResourceDefinition rawGeneratorOutput() {
    CustomResourceDefinition crd =
        Serialization.unmarshal(
            ProjectFiles.read(ProjectFiles.path("crds/" + ProjectFiles.CRD_FILE)),
            CustomResourceDefinition.class);
    var version = crd.getSpec().getVersions().get(0);
    List<CustomResourceColumnDefinition> sortedByPath =
        new ArrayList<>(version.getAdditionalPrinterColumns());
    sortedByPath.sort((a, b) -> a.getJsonPath().compareToIgnoreCase(b.getJsonPath()));
    version.setAdditionalPrinterColumns(sortedByPath);
    JSONSchemaProps config = configOf(crd);
    config.setAdditionalProperties(
        new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool(
            null, new JSONSchemaPropsBuilder().withType("object").build()));
    return crd;
  }

  private static JSONSchemaProps configOf(CustomResourceDefinition crd) {
    return crd.getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec")
        .getProperties()
        .get("config");
  }

  @Test
  void restoresTheDeclaredColumnOrder() {
    CustomResourceDefinition crd = rawGeneratorOutput();
    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().get(0).getName())
        .isEqualTo("Age");

    GeneratedCrdFixer.fix(crd, RedisComponent.class);

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly(
            "Endpoint",
            "Role",
            "Version",
            "Memory",
            "Ops/s",
            "Clients",
            "Hit%",
            "Ready",
            "Reason",
            "Advice",
            "Shards",
            "Purpose",
            "Keys",
            "Interval",
            "Last Poll",
            "Age");
  }

  @Test
  void describesTheKindSpecStatusAndConditionFields() {
    CustomResourceDefinition crd = rawGeneratorOutput();
    JSONSchemaProps root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    JSONSchemaProps status = root.getProperties().get("status");
    JSONSchemaProps condition = status.getProperties().get("conditions").getItems().getSchema();
    // As the generator leaves them: fabric8's CustomResource and Condition carry no descriptions.
    root.setDescription(null);
    root.getProperties().get("spec").setDescription(null);
    status.setDescription(null);
    condition.getProperties().values().forEach(field -> field.setDescription(null));

    GeneratedCrdFixer.fix(crd, RedisComponent.class);

    assertThat(root.getDescription()).isEqualTo(RedisComponent.DESCRIPTION);
    assertThat(root.getProperties().get("spec").getDescription())
        .isEqualTo(RedisComponent.SPEC_DESCRIPTION);
    assertThat(status.getDescription()).isEqualTo(RedisComponent.STATUS_DESCRIPTION);
    assertThat(condition.getProperties())
        .containsOnlyKeys(GeneratedCrdFixer.CONDITION_DESCRIPTIONS.keySet())
        .allSatisfy((name, field) -> assertThat(field.getDescription()).as(name).isNotBlank());
  }

  @Test
  void freeFormConfigAcceptsAnyValues() {
    CustomResourceDefinition crd = rawGeneratorOutput();
    GeneratedCrdFixer.fix(crd, RedisComponent.class);
    assertThat(configOf(crd).getAdditionalProperties()).isNull();
    assertThat(configOf(crd).getXKubernetesPreserveUnknownFields()).isTrue();
  }

  @Test
  void isIdempotent() {
    CustomResourceDefinition once =
        GeneratedCrdFixer.fix(rawGeneratorOutput(), RedisComponent.class);
    String first = Serialization.asYaml(once);
    assertThat(Serialization.asYaml(GeneratedCrdFixer.fix(once, RedisComponent.class)))
        .isEqualTo(first);
  }

  @Test
  void aColumnTheClassDoesNotDeclareIsAnError() {
    CustomResourceDefinition crd = rawGeneratorOutput();
    var columns = new ArrayList<>(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns());
    columns.add(
        new CustomResourceColumnDefinitionBuilder()
            .withName("Stray")
            .withJsonPath(".status.stray")
            .withType("string")
            .build());
    Collections.reverse(columns);
    crd.getSpec().getVersions().get(0).setAdditionalPrinterColumns(columns);

    assertThatThrownBy(() -> GeneratedCrdFixer.fix(crd, RedisComponent.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stray");
  }
}
