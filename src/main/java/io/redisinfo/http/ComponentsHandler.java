package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.advice.ComponentAdvisories;
import io.redisinfo.common.GoDuration;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.status.ComponentCondition;
import io.redisinfo.component.status.ComponentStatus;
import io.redisinfo.component.status.ComponentStatusTracker;
import io.redisinfo.component.status.ShardStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code GET /v1/components} and {@code GET /v1/components/{namespace}/{name}}: each component's
 * spec summary (null with {@code problems} when invalid), its status summary and its conditions.
 * Each item also lists its active {@code advisories} and the {@code unknownRules} its INFO lacks
 * fields for. The spec's {@code config} is left to the directory; no password is ever written (the
 * spec holds only a reference to one).
 */
public final class ComponentsHandler implements ApiHandler {
  public static final String PATH = "/v1/components";
  public static final String PREFIX = PATH + "/";

  private final ComponentStatusTracker tracker;
  private final Function<String, ComponentAdvisories> advisories;

  /**
   * @param advisories a component's advice by key ({@code AdvisoryTracker::of})
   */
  public ComponentsHandler(
      ComponentStatusTracker tracker, Function<String, ComponentAdvisories> advisories) {
    this.tracker = Objects.requireNonNull(tracker);
    this.advisories = Objects.requireNonNull(advisories);
  }

  /** Components without advisories. */
  public ComponentsHandler(ComponentStatusTracker tracker) {
    this(tracker, key -> ComponentAdvisories.NONE);
  }

  /** Routes both paths on {@code server}. */
  public void registerOn(ApiServer server) {
    server.route(PATH, this);
    server.route(PREFIX, this);
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    exchange.query(List.of());
    String path = exchange.path();
    if (path.equals(PATH)) {
      List<ComponentStatusTracker.Tracked> all = tracker.all();
      exchange.sendJson(
          200,
          json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("components");
            for (ComponentStatusTracker.Tracked tracked : all) {
              writeComponent(json, tracked);
            }
            json.writeEndArray();
            json.writeEndObject();
          });
      return;
    }
    String key = PathKey.parse(path, PREFIX, "namespace/name");
    ComponentStatusTracker.Tracked tracked =
        tracker.get(key).orElseThrow(() -> new NotFound("unknown component '" + key + "'"));
    exchange.sendJson(200, json -> writeComponent(json, tracked));
  }

  private void writeComponent(JsonGenerator json, ComponentStatusTracker.Tracked tracked)
      throws IOException {
    ParsedComponent component = tracked.component();
    ComponentStatus status = tracked.status();
    json.writeStartObject();
    json.writeStringField("namespace", component.namespace());
    json.writeStringField("name", component.name());
    json.writeFieldName("spec");
    if (component.valid()) {
      writeSpec(json, component.component().spec());
    } else {
      json.writeNull();
    }
    Json.writeField(json, "problems", component.problems());
    json.writeFieldName("status");
    writeStatus(json, status);
    json.writeArrayFieldStart("conditions");
    for (ComponentCondition c : status.conditions()) {
      json.writeStartObject();
      json.writeStringField("type", c.type());
      json.writeStringField("status", c.status());
      json.writeStringField("reason", c.reason());
      json.writeStringField("message", c.message());
      json.writeStringField("lastTransitionTime", iso(c.lastTransitionTime()));
      json.writeNumberField("observedGeneration", c.observedGeneration());
      json.writeEndObject();
    }
    json.writeEndArray();
    ComponentAdvisories advice =
        component.key() == null ? ComponentAdvisories.NONE : advisories.apply(component.key());
    AdvisoryJson.writeArray(json, "advisories", advice.active());
    Json.writeField(json, "unknownRules", advice.unknownRules());
    json.writeEndObject();
  }

  private static void writeSpec(JsonGenerator json, ComponentSpec spec) throws IOException {
    json.writeStartObject();
    json.writeStringField("purpose", spec.purpose().wireName());
    json.writeFieldName("endpoint");
    if (spec.endpoint() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringField("host", spec.endpoint().host());
      json.writeNumberField("port", spec.endpoint().port());
      json.writeEndObject();
    }
    json.writeFieldName("selector");
    if (spec.selector() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      Json.writeField(json, "matchLabels", spec.selector().matchLabels());
      json.writeArrayFieldStart("matchExpressions");
      for (PodSelector.Requirement r : spec.selector().matchExpressions()) {
        json.writeStartObject();
        json.writeStringField("key", r.key());
        json.writeStringField("operator", r.operator());
        Json.writeField(json, "values", r.values());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeNumberField("podPort", spec.podPort());
    json.writeNumberField("database", spec.database());
    json.writeBooleanField("tls", spec.tls());
    json.writeStringField("username", spec.username());
    json.writeFieldName("passwordSecretRef");
    if (spec.passwordSecretRef() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringField("name", spec.passwordSecretRef().name());
      json.writeStringField("key", spec.passwordSecretRef().key());
      json.writeEndObject();
    }
    json.writeFieldName("polling");
    if (spec.polling() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringField(
          "minInterval",
          spec.polling().min() == null ? null : GoDuration.format(spec.polling().min()));
      json.writeStringField(
          "maxInterval",
          spec.polling().max() == null ? null : GoDuration.format(spec.polling().max()));
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeStatus(JsonGenerator json, ComponentStatus s) throws IOException {
    json.writeStartObject();
    json.writeNumberField("observedGeneration", s.observedGeneration());
    json.writeStringField("primaryAddress", s.primaryAddress());
    json.writeStringField("role", s.role());
    json.writeStringField("version", s.version());
    Json.writeField(json, "usedMemory", s.usedMemory());
    Json.writeField(json, "maxMemory", s.maxMemory());
    Json.writeField(json, "opsPerSec", s.opsPerSec());
    Json.writeField(json, "connectedClients", s.connectedClients());
    Json.writeField(json, "keys", s.keys());
    Json.writeField(json, "hitRatio", s.hitRatio());
    Json.writeField(json, "evictedKeys", s.evictedKeys());
    json.writeStringField("masterLinkStatus", s.masterLinkStatus());
    Json.writeField(json, "replicationLagSeconds", s.replicationLagSeconds());
    json.writeStringField("lastPollTime", iso(s.lastPollTime()));
    Json.writeField(
        json, "pollIntervalMs", s.pollInterval() == null ? null : s.pollInterval().toMillis());
    json.writeStringField("ready", s.ready());
    json.writeArrayFieldStart("shards");
    for (ShardStatus shard : s.shards()) {
      json.writeStartObject();
      json.writeStringField("id", shard.id());
      json.writeStringField("address", shard.address());
      json.writeStringField("pod", shard.pod());
      json.writeStringField("role", shard.role());
      json.writeBooleanField("reachable", shard.reachable());
      json.writeStringField("lastError", shard.lastError());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
