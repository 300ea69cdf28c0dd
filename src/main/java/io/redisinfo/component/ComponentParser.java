package io.redisinfo.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redisinfo.common.GoDuration;
import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a {@code RedisComponent} document (a YAML file's document or a resource from the API, both
 * as a Jackson tree) into a {@link Component}, collecting every problem rather than stopping at the
 * first, so one message tells a user all there is to fix.
 */
public final class ComponentParser {
  public static final String API_VERSION = "redisinfo.io/v1alpha1";
  public static final String KIND = "RedisComponent";

  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private final ObjectMapper mapper;
  private final boolean strict;
  private final Function<AdvisoryTuning, List<String>> tuningCheck;

  /**
   * @param strict also reject a wrong apiVersion/kind (files are strict; the API server has already
   *     checked resources; unknown fields and types are the CRD schema's to check, see {@code
   *     io.redisinfo.resource.CrdSchema})
   */
  public ComponentParser(ObjectMapper mapper, boolean strict) {
    this(mapper, strict, tuning -> List.of());
  }

  /**
   * @param tuningCheck the problems of a {@code spec.advisories} (unknown rules or thresholds, bad
   *     values), given by the adapter that knows the rules
   */
  public ComponentParser(
      ObjectMapper mapper, boolean strict, Function<AdvisoryTuning, List<String>> tuningCheck) {
    this.mapper = mapper;
    this.strict = strict;
    this.tuningCheck = tuningCheck;
  }

  public ParsedComponent parse(JsonNode document, String defaultNamespace) {
    List<String> problems = new ArrayList<>();
    if (document == null || !document.isObject()) {
      return new ParsedComponent(
          null, null, null, List.of("document is not an object with apiVersion, kind, metadata"));
    }
    if (strict) {
      String apiVersion = document.path("apiVersion").asText("");
      String kind = document.path("kind").asText("");
      if (!API_VERSION.equals(apiVersion)) {
        problems.add("apiVersion is '" + apiVersion + "'; expected " + API_VERSION);
      }
      if (!KIND.equals(kind)) {
        problems.add("kind is '" + kind + "'; expected " + KIND);
      }
    }
    JsonNode metadata = document.path("metadata");
    String name = text(metadata.get("name"));
    String namespace = text(metadata.get("namespace"));
    if (namespace == null || namespace.isEmpty()) {
      namespace = defaultNamespace;
    }
    if (name == null || name.isEmpty()) {
      problems.add("metadata.name is missing");
      name = null;
    } else if (name.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
      problems.add("metadata.name '" + name + "' must be lower-case letters, digits, '-' and '.'");
    }
    long generation = metadata.path("generation").asLong(1);

    JsonNode spec = document.get("spec");
    if (spec == null || !spec.isObject()) {
      problems.add("spec is missing; it needs endpoint or selector");
      return new ParsedComponent(namespace, name, null, problems);
    }
    Purpose purpose = Purpose.OTHER;
    try {
      purpose = Purpose.parse(text(spec.get("purpose")));
    } catch (IllegalArgumentException e) {
      problems.add("spec." + e.getMessage());
    }

    JsonNode endpointNode = spec.get("endpoint");
    JsonNode selectorNode = spec.get("selector");
    boolean hasEndpoint = endpointNode != null && !endpointNode.isNull();
    boolean hasSelector = selectorNode != null && !selectorNode.isNull();
    if (hasEndpoint == hasSelector) {
      problems.add(
          "spec must set exactly one of endpoint (one server by address) and selector (the"
              + " component's pods); it sets "
              + (hasEndpoint ? "both" : "neither"));
    }
    Endpoint endpoint = null;
    if (hasEndpoint) {
      String host = text(endpointNode.get("host"));
      if (host == null || host.isBlank()) {
        problems.add("spec.endpoint.host is missing");
      }
      int port = port(endpointNode.get("port"), "spec.endpoint.port", problems);
      endpoint = new Endpoint(host, port);
    }
    PodSelector selector = null;
    if (hasSelector) {
      selector = selector(selectorNode, problems);
    }
    int podPort = port(spec.get("podPort"), "spec.podPort", problems);
    int database = 0;
    JsonNode databaseNode = spec.get("database");
    if (databaseNode != null && !databaseNode.isNull()) {
      if (!databaseNode.canConvertToInt() || !databaseNode.isIntegralNumber()) {
        problems.add("spec.database must be a whole number, got " + databaseNode);
      } else if (databaseNode.asInt() < 0) {
        problems.add("spec.database must be 0 or more, got " + databaseNode.asInt());
      } else {
        database = databaseNode.asInt();
      }
    }
    boolean tls = false;
    TlsRefs tlsRefs = TlsRefs.NONE;
    JsonNode tlsNode = spec.get("tls");
    if (tlsNode != null && !tlsNode.isNull()) {
      tls = bool(tlsNode.get("enabled"), "spec.tls.enabled", problems);
      SecretRef ca =
          secretRef(tlsNode.get("caSecretRef"), "spec.tls.caSecretRef", "ca.crt", problems);
      JsonNode client = tlsNode.get("clientCertSecretRef");
      String clientSecret = null;
      if (client != null && !client.isNull()) {
        clientSecret = text(client.get("name"));
        if (clientSecret == null || clientSecret.isEmpty()) {
          problems.add("spec.tls.clientCertSecretRef.name is missing");
          clientSecret = null;
        }
      }
      tlsRefs = TlsRefs.of(ca, clientSecret);
      if (!tls && !tlsRefs.isEmpty()) {
        problems.add(
            "spec.tls names a CA or client certificate but spec.tls.enabled is not true;"
                + " set enabled: true");
      }
    }

    String username = null;
    SecretRef secretRef = null;
    JsonNode auth = spec.get("auth");
    if (auth != null && !auth.isNull()) {
      username = text(auth.get("username"));
      if (username != null && username.isEmpty()) {
        username = null;
      }
      JsonNode ref = auth.get("passwordSecretRef");
      if (ref != null && !ref.isNull()) {
        String refName = text(ref.get("name"));
        String refKey = text(ref.get("key"));
        if (refName == null || refName.isEmpty()) {
          problems.add("spec.auth.passwordSecretRef.name is missing");
        }
        if (refKey == null || refKey.isEmpty()) {
          problems.add("spec.auth.passwordSecretRef.key is missing");
        }
        secretRef = new SecretRef(refName, refKey);
      }
    }

    PollingRange polling = polling(spec.get("polling"), problems);

    Map<String, Object> config = Map.of();
    JsonNode configNode = spec.get("config");
    if (configNode != null && !configNode.isNull()) {
      if (!configNode.isObject()) {
        problems.add("spec.config must be an object, got " + configNode.getNodeType());
      } else {
        config = toMap((ObjectNode) configNode);
      }
    }

    AdvisoryTuning advisories = advisories(spec.get("advisories"), problems);

    if (!problems.isEmpty()) {
      return new ParsedComponent(namespace, name, null, problems);
    }
    ComponentSpec componentSpec =
        new ComponentSpec(
            purpose,
            endpoint,
            selector,
            podPort,
            database,
            tls,
            username,
            secretRef,
            polling,
            config,
            tlsRefs,
            advisories);
    return new ParsedComponent(
        namespace, name, new Component(namespace, name, componentSpec, generation), List.of());
  }

  private AdvisoryTuning advisories(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return AdvisoryTuning.NONE;
    }
    if (!node.isObject()) {
      problems.add("spec.advisories must be an object, got " + node.getNodeType());
      return AdvisoryTuning.NONE;
    }
    List<String> disabled = new ArrayList<>();
    JsonNode list = node.get("disabled");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        problems.add("spec.advisories.disabled must be a list of rule names, got " + list);
      } else {
        for (JsonNode rule : list) {
          if (!rule.isTextual()) {
            problems.add("spec.advisories.disabled holds a non-name: " + rule);
          } else {
            disabled.add(rule.asText());
          }
        }
      }
    }
    Map<String, Object> thresholds = new LinkedHashMap<>();
    JsonNode map = node.get("thresholds");
    if (map != null && !map.isNull()) {
      if (!map.isObject()) {
        problems.add("spec.advisories.thresholds must be an object, got " + map);
      } else {
        map.fields()
            .forEachRemaining(
                e ->
                    thresholds.put(
                        e.getKey(),
                        e.getValue().isNumber()
                            ? e.getValue().numberValue()
                            : e.getValue().asText()));
      }
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("disabled") && !field.equals("thresholds")) {
        problems.add("spec.advisories." + field + " is not a known field (disabled, thresholds)");
      }
    }
    AdvisoryTuning tuning = new AdvisoryTuning(disabled, thresholds);
    for (String problem : tuningCheck.apply(tuning)) {
      problems.add("spec.advisories: " + problem);
    }
    return tuning;
  }

  /** A strict boolean: true or false, not "yes", 1 or "true". Absent is false. */
  private static boolean bool(JsonNode node, String field, List<String> problems) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(field + " must be true or false, got " + node);
      return false;
    }
    return node.booleanValue();
  }

  /** A {name, key} reference; the key defaults to {@code defaultKey}. Absent is null. */
  private static SecretRef secretRef(
      JsonNode node, String field, String defaultKey, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(field + " must be an object {name, key}, got " + node);
      return null;
    }
    String name = text(node.get("name"));
    String key = text(node.get("key"));
    if (name == null || name.isEmpty()) {
      problems.add(field + ".name is missing");
      return null;
    }
    return new SecretRef(name, key == null || key.isEmpty() ? defaultKey : key);
  }

  private PollingRange polling(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    Duration min = duration(node.get("minInterval"), "spec.polling.minInterval", problems);
    Duration max = duration(node.get("maxInterval"), "spec.polling.maxInterval", problems);
    if (min == null && max == null) {
      return null;
    }
    // One end alone is valid (the CRD says so): the operator's default fills the other.
    try {
      return new PollingRange(min, max);
    } catch (IllegalArgumentException e) {
      problems.add("spec.polling: " + e.getMessage());
      return null;
    }
  }

  private static Duration duration(JsonNode node, String field, List<String> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return GoDuration.parse(node.asText());
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return null;
    }
  }

  private static PodSelector selector(JsonNode node, List<String> problems) {
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode matchLabels = node.get("matchLabels");
    if (matchLabels != null && matchLabels.isObject()) {
      matchLabels.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    List<PodSelector.Requirement> requirements = new ArrayList<>();
    JsonNode expressions = node.get("matchExpressions");
    if (expressions != null && expressions.isArray()) {
      for (JsonNode expression : expressions) {
        String key = text(expression.get("key"));
        String operator = text(expression.get("operator"));
        List<String> values = new ArrayList<>();
        expression.path("values").forEach(v -> values.add(v.asText()));
        if (key == null || key.isEmpty()) {
          problems.add("spec.selector.matchExpressions: key is missing");
        }
        if (!Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(operator)) {
          problems.add(
              "spec.selector.matchExpressions: operator '"
                  + operator
                  + "' is not one of In, NotIn, Exists, DoesNotExist");
        }
        requirements.add(new PodSelector.Requirement(key, operator, values));
      }
    }
    if (labels.isEmpty() && requirements.isEmpty()) {
      problems.add("spec.selector selects nothing; give matchLabels or matchExpressions");
    }
    return new PodSelector(labels, requirements);
  }

  private static int port(JsonNode node, String field, List<String> problems) {
    if (node == null || node.isNull()) {
      return 6379;
    }
    if (!node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > 65535) {
      problems.add(field + " must be a port number 1-65535, got " + node);
      return 6379;
    }
    return node.asInt();
  }

  private Map<String, Object> toMap(ObjectNode node) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = mapper.convertValue(node, LinkedHashMap.class);
    return map;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
