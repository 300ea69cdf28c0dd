package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.poll.InfoRefresher;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/info}: the cached INFO of the shards matching {@code shard} globs, cut down to the
 * {@code section}s and {@code key} globs asked for; with {@code maxAgeMs}, stale shards are
 * refreshed first (all at once, through the coalescing {@link InfoRefresher}).
 */
public final class InfoHandler implements ApiHandler {
  public static final String PATH = "/v1/info";

  /** The largest {@code maxAgeMs}: anything older is not worth asking for. */
  public static final long MAX_AGE_LIMIT_MS = Duration.ofHours(1).toMillis();

  private static final List<String> PARAMETERS =
      List.of("shard", "key", "section", "maxAgeMs", "partial");

  private static final Comparator<Selected> BY_ID = Comparator.comparing(s -> s.shard.id());

  /** How many failed shards a 503 names before it says "and N more". */
  private static final int ERRORS_IN_DETAIL = 10;

  private final ShardRegistry registry;
  private final InfoRefresher refresher;
  private final long refreshWaitNanos;
  private final InfoJsonCache fullInfo;

  /**
   * @param refreshWait how long a request waits for the refreshes {@code maxAgeMs} asks for; a
   *     shard whose refresh is not done by then counts as failed
   */
  public InfoHandler(ShardRegistry registry, InfoRefresher refresher, Duration refreshWait) {
    this.registry = Objects.requireNonNull(registry);
    this.refresher = Objects.requireNonNull(refresher);
    if (refreshWait.isNegative() || refreshWait.isZero()) {
      throw new IllegalArgumentException("refreshWait must be positive, got " + refreshWait);
    }
    this.refreshWaitNanos = refreshWait.toNanos();
    this.fullInfo = new InfoJsonCache(registry);
  }

  /** What one request asks for, validated. */
  private record Request(
      List<Glob> shards, List<Glob> keys, Set<String> sections, long maxAgeMs, boolean partial) {
    boolean wantsFresh() {
      return maxAgeMs >= 0;
    }
  }

  /** One selected shard and, as the request goes on, its snapshot and error. */
  private static final class Selected {
    final Shard shard;
    ShardSnapshot snapshot;
    CompletableFuture<ShardSnapshot> refresh;
    String error;

    Selected(Shard shard) {
      this.shard = shard;
      this.snapshot = shard.snapshot();
    }
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    Request request = parse(exchange.query(PARAMETERS));
    long requestNanos = System.nanoTime();
    List<Selected> selected = select(request.shards());
    if (!request.wantsFresh()) {
      for (Selected s : selected) {
        if (!s.snapshot.hasInfo()) {
          s.error = noInfo(s.snapshot);
        }
      }
      answer(exchange, request, selected, requestNanos);
      return;
    }
    long thresholdNanos = TimeUnit.MILLISECONDS.toNanos(request.maxAgeMs());
    CompletableFuture<Void> refreshed = refreshStale(selected, requestNanos, thresholdNanos);
    if (refreshed == null) {
      answer(exchange, request, selected, requestNanos);
      return;
    }
    // Wait without holding a worker: many requests may wait for slow shards at once.
    exchange.answerWhen(
        refreshed,
        (ex, done, failure) -> {
          for (Selected s : selected) {
            if (s.refresh != null) {
              boolean succeeded = s.refresh.isDone() && !s.refresh.isCompletedExceptionally();
              s.snapshot = newer(s.shard.snapshot(), succeeded ? s.refresh.join() : null);
              checkFresh(s, requestNanos, thresholdNanos, request.maxAgeMs());
            }
          }
          answer(ex, request, selected, System.nanoTime());
        });
  }

  private void answer(ApiExchange exchange, Request request, List<Selected> selected, long nowNanos)
      throws IOException {
    List<Selected> failed = new ArrayList<>();
    for (Selected s : selected) {
      if (s.error != null) {
        failed.add(s);
      }
    }
    if (!failed.isEmpty() && !request.partial()) {
      throw ApiException.serviceUnavailable(unavailable(failed, selected.size()));
    }
    exchange.sendJson(200, json -> write(json, request, selected, failed, nowNanos));
  }

  private static Request parse(QueryParams query) {
    List<Glob> shards = globs(query, "shard");
    List<Glob> keys = globs(query, "key");
    List<String> sectionNames = query.all("section");
    Set<String> sections = Set.of();
    if (!sectionNames.isEmpty()) {
      sections = new HashSet<>();
      for (String name : sectionNames) {
        if (name.isBlank()) {
          throw new BadRequest(
              "parameter 'section' must name an INFO section, e.g. memory; got an empty value");
        }
        sections.add(name.toLowerCase(Locale.ROOT));
      }
    }
    OptionalLong maxAge = query.longInRange("maxAgeMs", 0, MAX_AGE_LIMIT_MS);
    boolean partial = query.bool("partial").orElse(false);
    return new Request(shards, keys, sections, maxAge.orElse(-1), partial);
  }

  private static List<Glob> globs(QueryParams query, String name) {
    List<String> patterns = query.all(name);
    if (patterns.isEmpty()) {
      return List.of();
    }
    List<Glob> globs = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      try {
        globs.add(Glob.compile(pattern));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("parameter '" + name + "': " + e.getMessage());
      }
    }
    return globs;
  }

  /** The shards matching any glob by id or address, sorted by id; 404 for an unknown literal. */
  private List<Selected> select(List<Glob> globs) {
    List<Selected> byId = selectByLiteralIds(globs);
    if (byId != null) {
      return byId;
    }
    // In id order already: neither a copy nor a sort of every shard per request.
    List<Shard> all = registry.allSortedById();
    List<Selected> selected = new ArrayList<>(globs.isEmpty() ? all.size() : 16);
    boolean[] used = new boolean[globs.size()];
    for (Shard shard : all) {
      if (globs.isEmpty()) {
        selected.add(new Selected(shard));
        continue;
      }
      String id = shard.id();
      String address = null;
      boolean match = false;
      for (int g = 0; g < globs.size(); g++) {
        Glob glob = globs.get(g);
        boolean matches = glob.matches(id);
        if (!matches) {
          if (address == null) {
            address = shard.spec().address().toString();
          }
          matches = glob.matches(address);
        }
        if (matches) {
          used[g] = true;
          match = true;
        }
      }
      if (match) {
        selected.add(new Selected(shard));
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int g = 0; g < globs.size(); g++) {
      if (!used[g] && globs.get(g).isLiteral()) {
        unknown.add("'" + globs.get(g).literal() + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw new NotFound(
          (unknown.size() == 1 ? "unknown shard " : "unknown shards ")
              + String.join(", ", unknown));
    }
    return selected;
  }

  /**
   * The common query for shards by exact id ({@code shard=ns/name}) as map lookups rather than a
   * scan of every shard; null when any glob is a pattern, has no '/' (it could also be some shard's
   * host:port, which never holds one) or names no shard (the scan decides and says why).
   */
  private List<Selected> selectByLiteralIds(List<Glob> globs) {
    if (globs.isEmpty()) {
      return null;
    }
    List<Selected> selected = new ArrayList<>(globs.size());
    for (Glob glob : globs) {
      if (!glob.isLiteral() || glob.literal().indexOf('/') < 0) {
        return null;
      }
      Shard shard = registry.get(glob.literal()).orElse(null);
      if (shard == null) {
        return null;
      }
      boolean seen = false;
      for (Selected s : selected) {
        seen |= s.shard == shard;
      }
      if (!seen) {
        selected.add(new Selected(shard));
      }
    }
    selected.sort(BY_ID);
    return selected;
  }

  /**
   * Starts a refresh of every shard whose INFO is missing or older than the threshold, all at once.
   * Returns a future that completes when all are done or the refresh wait is over, or null when no
   * shard needs one.
   */
  private CompletableFuture<Void> refreshStale(
      List<Selected> selected, long nowNanos, long thresholdNanos) {
    List<CompletableFuture<ShardSnapshot>> pending = new ArrayList<>();
    for (Selected s : selected) {
      if (isStale(s.snapshot, nowNanos, thresholdNanos)) {
        try {
          s.refresh = refresher.refresh(s.shard.id());
        } catch (RuntimeException e) {
          s.refresh = CompletableFuture.failedFuture(e);
        }
        pending.add(s.refresh);
      }
    }
    if (pending.isEmpty()) {
      return null;
    }
    // New futures all the way: the refresher's futures, shared with other requests, stay untouched
    // (no timeout or cancellation of ours reaches them). Each outcome is looked at per shard.
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .handle((done, failure) -> (Void) null)
        .completeOnTimeout(null, refreshWaitNanos, TimeUnit.NANOSECONDS);
  }

  private static boolean isFresh(ShardSnapshot snapshot, long nowNanos, long thresholdNanos) {
    return !isStale(snapshot, nowNanos, thresholdNanos);
  }

  private static ShardSnapshot newer(ShardSnapshot published, ShardSnapshot refreshed) {
    if (refreshed == null || !refreshed.hasInfo()) {
      return published;
    }
    if (!published.hasInfo() || refreshed.infoAtNanos() - published.infoAtNanos() > 0) {
      return refreshed;
    }
    return published;
  }

  private static boolean isStale(ShardSnapshot snapshot, long nowNanos, long thresholdNanos) {
    return !snapshot.hasInfo() || nowNanos - snapshot.infoAtNanos() > thresholdNanos;
  }

  private void checkFresh(Selected s, long requestNanos, long thresholdNanos, long maxAgeMs) {
    if (isFresh(s.snapshot, requestNanos, thresholdNanos)) {
      return;
    }
    String why;
    CompletableFuture<ShardSnapshot> refresh = s.refresh;
    if (refresh != null && !refresh.isDone()) {
      why =
          "refresh did not finish within "
              + TimeUnit.NANOSECONDS.toMillis(refreshWaitNanos)
              + " ms";
    } else if (refresh != null && refresh.isCompletedExceptionally()) {
      why = "refresh failed: " + failure(refresh);
    } else if (s.snapshot.lastError() != null) {
      why = "refresh failed: " + s.snapshot.lastError();
    } else if (!s.snapshot.hasInfo()) {
      why = "no INFO yet";
    } else {
      why = "refresh brought no newer INFO";
    }
    if (s.snapshot.hasInfo()) {
      why +=
          "; cached INFO is "
              + s.snapshot.ageMillis(requestNanos)
              + " ms old, older than maxAgeMs="
              + maxAgeMs;
    }
    s.error = why;
  }

  private static String failure(CompletableFuture<?> future) {
    try {
      future.join();
      return "unknown error";
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
  }

  private static String noInfo(ShardSnapshot snapshot) {
    return snapshot.lastError() == null
        ? "no INFO yet: the first poll has not finished"
        : "no INFO yet: " + snapshot.lastError();
  }

  private static String unavailable(List<Selected> failed, int selected) {
    StringBuilder detail = new StringBuilder();
    detail
        .append(failed.size())
        .append(" of ")
        .append(selected)
        .append(selected == 1 ? " shard has" : " shards have")
        .append(" no INFO to give: ");
    for (int i = 0; i < failed.size() && i < ERRORS_IN_DETAIL; i++) {
      Selected s = failed.get(i);
      detail
          .append(i == 0 ? "" : "; ")
          .append(s.shard.id())
          .append(" (")
          .append(s.error)
          .append(')');
    }
    if (failed.size() > ERRORS_IN_DETAIL) {
      detail.append("; and ").append(failed.size() - ERRORS_IN_DETAIL).append(" more");
    }
    return detail.append(". Add partial=true to get the others' INFO").toString();
  }

  private void write(
      JsonGenerator json,
      Request request,
      List<Selected> selected,
      List<Selected> failed,
      long nowNanos)
      throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("shards");
    for (Selected s : selected) {
      if (s.error != null) {
        continue;
      }
      ShardSnapshot snapshot = s.snapshot;
      json.writeStartObject();
      json.writeStringField("id", s.shard.id());
      json.writeStringField("address", s.shard.spec().address().toString());
      json.writeNumberField("ageMs", snapshot.ageMillis(nowNanos));
      json.writeStringField(
          "polledAt", Instant.ofEpochMilli(snapshot.infoAtEpochMillis()).toString());
      json.writeFieldName("info");
      if (request.sections().isEmpty() && request.keys().isEmpty()) {
        json.writeRawValue(fullInfo.get(s.shard.id(), snapshot.info()));
      } else {
        InfoJson.write(json, snapshot.info(), request.sections(), request.keys());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("errors");
    for (Selected s : failed) {
      json.writeStartObject();
      json.writeStringField("id", s.shard.id());
      json.writeStringField("error", s.error);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
