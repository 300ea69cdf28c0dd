package io.redisinfo.http;

import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryTracker;
import io.redisinfo.advice.Severity;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/advisories}: every active advisory, by component then worst first, optionally
 * filtered by {@code component} and {@code severity} (repeatable: any of the given).
 */
public final class AdvisoriesHandler implements ApiHandler {
  public static final String PATH = "/v1/advisories";
  private static final List<String> PARAMETERS = List.of("component", "severity");

  private final AdvisoryTracker tracker;

  public AdvisoriesHandler(AdvisoryTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker);
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    QueryParams query = exchange.query(PARAMETERS);
    Optional<String> component = query.single("component");
    component.ifPresent(ShardsHandler::checkComponent);
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    for (String value : query.all("severity")) {
      severities.add(parseSeverity(value));
    }
    Map<String, List<Advisory>> all =
        component.isPresent()
            ? Map.of(component.get(), tracker.advisories(component.get()))
            : tracker.all();
    exchange.sendJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("advisories");
          for (Map.Entry<String, List<Advisory>> e : all.entrySet()) {
            int slash = e.getKey().indexOf('/');
            for (Advisory a : e.getValue()) {
              if (!severities.isEmpty() && !severities.contains(a.severity())) {
                continue;
              }
              json.writeStartObject();
              json.writeStringField("namespace", e.getKey().substring(0, slash));
              json.writeStringField("component", e.getKey().substring(slash + 1));
              AdvisoryJson.writeFields(json, a);
              json.writeEndObject();
            }
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static Severity parseSeverity(String value) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          "parameter 'severity' must be critical, warning or info, got '" + value + "'");
    }
  }
}
