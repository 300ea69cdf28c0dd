package io.redisinfo.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.component.Purpose;
import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentFileTest {
  private final ComponentFile reader =
      new ComponentFile(
          new ComponentParser(new ObjectMapper(), true),
          io.redisinfo.resource.CrdSchema.redisComponent());

  @Test
  void readsEveryDocumentOfAStreamAndReportsBrokenOnesByIndex() {
    String yaml =
        """
        # components of the shop
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: cache, namespace: shop}
        spec:
          purpose: cache
          endpoint: {host: 127.0.0.1, port: 7000}
          polling: {minInterval: 500ms, maxInterval: 10s}
          config: {ttlSeconds: 60}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: broken}
        spec:
          endpoint: {host: a, port: 70000}
          selector: {matchLabels: {app: x}}
          polling: {minInterval: 5s, maxInterval: 1s}
        ---
        this: is: not yaml: [
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: sessions}
        spec:
          purpose: session
          endpoint: {host: localhost}
        """;
    List<ComponentFile.Document> documents = reader.parse(yaml, "default");

    assertThat(documents).extracting(ComponentFile.Document::index).containsExactly(1, 2, 3, 4);
    var cache = documents.get(0).component();
    assertThat(cache.valid()).isTrue();
    assertThat(cache.key()).isEqualTo("shop/cache");
    assertThat(cache.component().spec().purpose()).isEqualTo(Purpose.CACHE);
    assertThat(cache.component().spec().endpoint().port()).isEqualTo(7000);
    assertThat(cache.component().spec().polling().min()).isEqualTo(Duration.ofMillis(500));
    assertThat(cache.component().spec().config()).containsEntry("ttlSeconds", 60);

    var broken = documents.get(1).component();
    assertThat(broken.valid()).isFalse();
    assertThat(broken.key()).isEqualTo("default/broken");
    assertThat(broken.problems())
        .anyMatch(p -> p.contains("exactly one of endpoint") && p.contains("both"))
        .anyMatch(p -> p.contains("spec.endpoint.port must be a port number 1-65535"))
        .anyMatch(p -> p.contains("must not be greater than maxInterval"));

    assertThat(documents.get(2).component().problems())
        .singleElement()
        .asString()
        .startsWith("not valid YAML");

    var sessions = documents.get(3).component();
    assertThat(sessions.valid()).isTrue();
    assertThat(sessions.component().spec().endpoint().port()).isEqualTo(6379);
  }

  @Test
  void aValidStreamIsReadWholeWithCommentOnlyDocumentsSkippedAndEveryDocumentInItsPlace() {
    String yaml =
        """
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: first}
        spec: {endpoint: {host: 127.0.0.1, port: 7001}}
        ---
        # retired: the old queue
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: second, namespace: shop}
        spec:
          purpose: queue
          endpoint: {host: 127.0.0.1, port: 7002}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: third}
        spec: {endpoint: {host: 127.0.0.1, port: 7003}, polling: {maxInterval: 9s}}
        ---
        """;
    List<ComponentFile.Document> documents = reader.parse(yaml, "default");

    assertThat(documents).extracting(ComponentFile.Document::index).containsExactly(1, 2, 3);
    assertThat(documents)
        .extracting(d -> d.component().key())
        .containsExactly("default/first", "shop/second", "default/third");
    assertThat(documents).allMatch(d -> d.component().valid());
    assertThat(documents)
        .extracting(d -> d.component().component().spec().endpoint().port())
        .containsExactly(7001, 7002, 7003);
    assertThat(documents.get(1).component().component().spec().purpose()).isEqualTo(Purpose.QUEUE);
    assertThat(documents.get(2).component().component().spec().polling().max())
        .isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void rejectsUnknownFieldsWrongKindsAndBadDurations() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x}
        spec:
          endpiont: {host: a}
          polling: {minInterval: soon, maxInterval: 1s}
        """;
    var parsed = reader.parse(yaml, "default").get(0).component();
    assertThat(parsed.problems())
        .anyMatch(p -> p.contains("apiVersion is 'v1'"))
        .anyMatch(p -> p.contains("kind is 'ConfigMap'"))
        .anyMatch(p -> p.contains("spec.endpiont: unknown field"))
        .anyMatch(p -> p.contains("spec.polling.minInterval: duration 'soon' is not valid"))
        .anyMatch(p -> p.contains("sets neither"));
  }

  /** The CRD allows one end of spec.polling alone; the operator's default fills the other. */
  @Test
  void oneEndOfThePollingRangeIsEnough() {
    String yaml =
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: slow}
        spec:
          endpoint: {host: a}
          polling: {minInterval: 30s}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: fast}
        spec:
          endpoint: {host: b}
          polling: {maxInterval: 2s}
        """;
    var documents = reader.parse(yaml, "default");
    var slow = documents.get(0).component();
    var fast = documents.get(1).component();
    assertThat(slow.problems()).isEmpty();
    assertThat(fast.problems()).isEmpty();
    PollingRange defaults = new PollingRange(Duration.ofSeconds(1), Duration.ofSeconds(15));
    assertThat(slow.component().spec().polling().resolve(defaults))
        .isEqualTo(new PollingRange(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    assertThat(fast.component().spec().polling().resolve(defaults))
        .isEqualTo(new PollingRange(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThat(new PollingRange(Duration.ofSeconds(2), null).resolve(defaults))
        .isEqualTo(new PollingRange(Duration.ofSeconds(2), Duration.ofSeconds(15)));
  }

  @Test
  void aYamlSyntaxErrorSaysItsLineAndColumnInTheFile() {
    String yaml =
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: good}
        spec:
          endpoint: {host: a}
        ---
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: broken
        spec:
          endpoint: {host: b}
        """;
    var documents = reader.parse(yaml, "default");

    assertThat(documents.get(0).component().problems()).isEmpty();
    assertThat(documents.get(1).component().problems())
        .singleElement()
        .asString()
        .startsWith("not valid YAML at line 10, column ");
  }

  @Test
  void aFileIsCheckedAgainstTheGeneratedCrdSchemaAndTheCrossFieldRulesAtOnce() {
    String yaml =
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: sessions}
        spec:
          endpoint: {host: 127.0.0.1, port: "7000"}
          selector: {matchLabels: {app: x}}
          retention: 5d
        """;
    List<String> problems = reader.parse(yaml, "default").get(0).component().problems();
    // From the CRD schema, as the API server would say it...
    assertThat(problems).contains("spec.endpoint.port: expected integer, got STRING");
    assertThat(problems).contains("spec.retention: unknown field");
    // ...and from the rule across fields the schema cannot express.
    assertThat(problems).anyMatch(p -> p.contains("exactly one of endpoint"));
  }

  @Test
  void pollingWithOnlyAMinimumIsValidAsTheCrdSays() {
    String yaml =
        """
        apiVersion: redisinfo.io/v1alpha1
        kind: RedisComponent
        metadata: {name: sessions}
        spec:
          endpoint: {host: 127.0.0.1, port: 7000}
          polling: {minInterval: 2s}
        """;
    assertThat(reader.parse(yaml, "default").get(0).component().problems()).isEmpty();
  }
}
