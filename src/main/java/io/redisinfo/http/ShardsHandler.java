package io.redisinfo.http;

import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/shards}: every tracked shard with its state, sorted by id, optionally filtered by
 * {@code component}, {@code role} and {@code reachable}.
 */
public final class ShardsHandler implements ApiHandler {
  public static final String PATH = "/v1/shards";
  private static final List<String> PARAMETERS = List.of("component", "role", "reachable");

  private final ShardRegistry registry;

  public ShardsHandler(ShardRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  /** The role a shard reports, from its summary or else straight from its INFO; null if none. */
  static String role(ShardSnapshot snapshot) {
    String role = snapshot.role();
    if (role == null && snapshot.hasInfo()) {
      role = snapshot.info().getString("role");
    }
    return role;
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    QueryParams query = exchange.query(PARAMETERS);
    Optional<String> component = query.single("component");
    component.ifPresent(ShardsHandler::checkComponent);
    Optional<String> role = query.single("role").map(ShardsHandler::parseRole);
    Optional<Boolean> reachable = query.bool("reachable");

    List<Shard> shards = new ArrayList<>(registry.all());
    shards.sort(Comparator.comparing(Shard::id));
    long now = System.nanoTime();
    exchange.sendJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("shards");
          for (Shard shard : shards) {
            ShardSpec spec = shard.spec();
            ShardSnapshot snapshot = shard.snapshot();
            String shardRole = role(snapshot);
            if (component.isPresent() && !component.get().equals(spec.component())
                || role.isPresent() && !role.get().equals(shardRole)
                || reachable.isPresent() && reachable.get() != snapshot.reachable()) {
              continue;
            }
            json.writeStartObject();
            json.writeStringField("id", spec.id());
            json.writeStringField("address", spec.address().toString());
            json.writeStringField("component", spec.component());
            json.writeStringField("pod", spec.pod());
            json.writeStringField("role", shardRole);
            json.writeBooleanField("reachable", snapshot.reachable());
            Json.writeField(json, "ageMs", snapshot.ageMillis(now));
            Json.writeField(
                json,
                "pollIntervalMs",
                snapshot.pollInterval() == null ? null : snapshot.pollInterval().toMillis());
            json.writeStringField("lastError", snapshot.lastError());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** Rejects a {@code component} filter that is not {@code namespace/name}. */
  static void checkComponent(String value) {
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
      throw new BadRequest(
          "parameter 'component' must be namespace/name, e.g. shop/cache, got '" + value + "'");
    }
  }

  private static String parseRole(String value) {
    return switch (value) {
      case "master" -> "master";
      case "slave", "replica" -> "slave";
      default ->
          throw new BadRequest(
              "parameter 'role' must be master or slave (or replica), got '" + value + "'");
    };
  }
}
