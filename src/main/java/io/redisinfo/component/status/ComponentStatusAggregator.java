package io.redisinfo.component.status;

import io.redisinfo.component.ParsedComponent;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.FailureKind;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link ComponentStatus} from a component and its shards (those whose {@code
 * spec().component()} is the component's key; others passed in are ignored).
 *
 * <p>The primary is the reachable shard whose role is {@code master}; else any shard whose last
 * known role is {@code master}; else the first reachable; else the first (shards sorted by id, so
 * the choice is stable). The figures (memory, ops/s, clients, keys, ...) and the poll interval are
 * the primary's. The {@code Ready} condition is, in this order of precedence:
 *
 * <ol>
 *   <li>{@code False/InvalidSpec}: the spec has problems (all of them in the message);
 *   <li>{@code False/NoShards}: no shard yet (the selector matched no running pod);
 *   <li>{@code Unknown/Polling}: no shard was polled yet;
 *   <li>{@code False/<kind>}: no shard is reachable; the reason is the most telling failure kind
 *       among the shards ({@link FailureKind#reason()}: AuthFailed, TlsFailed, InfoUnavailable,
 *       ProtocolError, Loading, else Unreachable) and the message that shard's last error;
 *   <li>{@code False/InfoUnavailable}: a shard answers but the primary has no INFO summary;
 *   <li>{@code True/Ready}: otherwise.
 * </ol>
 */
public final class ComponentStatusAggregator {
  /** First connects that may time out before a shard counts as failing (see {@link #settled}). */
  static final int UNSETTLED_TIMEOUTS = 3;

  private final Clock clock;

  public ComponentStatusAggregator(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param generation the component's generation ({@code metadata.generation}); an invalid
   *     component carries none of its own
   * @param previousConditions the conditions in the status before, to keep their transition times
   */
  public ComponentStatus aggregate(
      ParsedComponent component,
      long generation,
      Collection<Shard> shards,
      List<ComponentCondition> previousConditions) {
    Instant now = clock.instant();
    List<Shard> own = shardsOf(component.key(), shards);
    List<ShardStatus> shardStatuses = new ArrayList<>();
    int ready = 0;
    long newestInfoMillis = 0;
    for (Shard shard : own) {
      ShardSnapshot snapshot = shard.snapshot();
      shardStatuses.add(
          new ShardStatus(
              shard.id(),
              shard.spec().address().toString(),
              shard.spec().pod(),
              snapshot.role(),
              snapshot.reachable(),
              snapshot.lastError()));
      if (snapshot.reachable()) {
        ready++;
      }
      newestInfoMillis = Math.max(newestInfoMillis, snapshot.infoAtEpochMillis());
    }
    Shard primary = primaryOf(own);
    ShardSnapshot primarySnapshot = primary == null ? null : primary.snapshot();
    InfoSummary s = primarySnapshot == null ? null : primarySnapshot.summary();
    ComponentCondition readyCondition =
        readyCondition(component, generation, own, primary, ready, now, previousConditions);
    List<ComponentCondition> conditions =
        Conditions.merge(previousConditions, List.of(readyCondition));
    return new ComponentStatus(
        generation,
        primary == null ? null : primary.spec().address().toString(),
        s == null ? null : s.role(),
        s == null ? null : s.version(),
        s == null ? null : s.usedMemory(),
        s == null ? null : s.maxMemory(),
        s == null ? null : s.opsPerSec(),
        s == null ? null : s.connectedClients(),
        s == null ? null : s.keys(),
        s == null ? null : s.hitRatio(),
        s == null ? null : s.evictedKeys(),
        s == null ? null : s.masterLinkStatus(),
        s == null ? null : s.replicationLagSeconds(),
        newestInfoMillis == 0 ? null : Instant.ofEpochMilli(newestInfoMillis),
        primarySnapshot == null ? null : primarySnapshot.pollInterval(),
        ready,
        own.size(),
        shardStatuses,
        conditions);
  }

  /** Same as the other, with the generation of a valid component (0 for an invalid one). */
  public ComponentStatus aggregate(
      ParsedComponent component,
      Collection<Shard> shards,
      List<ComponentCondition> previousConditions) {
    long generation = component.valid() ? component.component().generation() : 0;
    return aggregate(component, generation, shards, previousConditions);
  }

  /**
   * The shards serving {@code componentKey}, sorted by id, each {@link Shard#frozen frozen}: a
   * status is judged on several reads of each shard, and a poll completing between them made a
   * shard both "not reachable" (counted before its first answer) and "answered" (judged after it),
   * which read as {@code False/Unreachable} with no failure at all.
   */
  public static List<Shard> shardsOf(String componentKey, Collection<Shard> shards) {
    List<Shard> own = new ArrayList<>();
    if (componentKey == null) {
      return own;
    }
    for (Shard shard : shards) {
      ShardSpec spec = shard.spec();
      if (componentKey.equals(spec.component())) {
        own.add(shard.frozen());
      }
    }
    own.sort(Comparator.comparing(Shard::id));
    return own;
  }

  /** The primary among shards sorted by id, or null when there are none. */
  public static Shard primaryOf(List<Shard> sortedShards) {
    Shard knownMaster = null;
    Shard firstReachable = null;
    for (Shard shard : sortedShards) {
      ShardSnapshot snapshot = shard.snapshot();
      boolean master = "master".equals(snapshot.role());
      if (master && snapshot.reachable()) {
        return shard;
      }
      if (master && knownMaster == null) {
        knownMaster = shard;
      }
      if (snapshot.reachable() && firstReachable == null) {
        firstReachable = shard;
      }
    }
    if (knownMaster != null) {
      return knownMaster;
    }
    if (firstReachable != null) {
      return firstReachable;
    }
    return sortedShards.isEmpty() ? null : sortedShards.get(0);
  }

  /**
   * Whether a shard's polls say anything yet: it answered once in this process, or it failed in a
   * way that is an answer (refused, auth, TLS, ...), or it kept timing out. A first connect that
   * timed out may only be queued behind many others at start-up: not yet a failure of the server.
   */
  public static boolean settled(Shard shard) {
    ShardSnapshot snapshot = shard.snapshot();
    if (snapshot.polls() == 0) {
      return false;
    }
    return snapshot.info() != null
        || snapshot.failure() != FailureKind.TIMEOUT
        || snapshot.failures() >= UNSETTLED_TIMEOUTS;
  }

  /** Reasons that come from the shards' polls (not from the spec or a Secret). */
  private static boolean isShardReason(String reason) {
    for (FailureKind kind : FailureKind.values()) {
      if (kind.reason().equals(reason)) {
        return true;
      }
    }
    return "Ready".equals(reason) || "InfoUnavailable".equals(reason);
  }

  /** Lower is more telling: what the user must fix first. */
  private static int precedence(FailureKind kind) {
    return switch (kind) {
      case AUTH, NOPERM -> 0;
      case TLS -> 1;
      case INFO_UNAVAILABLE -> 2;
      case PROTOCOL -> 3;
      case LOADING -> 4;
      default -> 5;
    };
  }

  private static String hint(FailureKind kind) {
    return switch (kind) {
      case AUTH, NOPERM -> " (check spec.auth.username and the password Secret)";
      default -> "";
    };
  }

  private static ComponentCondition readyCondition(
      ParsedComponent component,
      long generation,
      List<Shard> shards,
      Shard primary,
      int ready,
      Instant now,
      List<ComponentCondition> previousConditions) {
    if (!component.valid()) {
      return condition(
          ComponentCondition.FALSE,
          "InvalidSpec",
          String.join("; ", component.problems()),
          generation,
          now);
    }
    if (shards.isEmpty() && component.component().spec().selector() != null) {
      return condition(
          ComponentCondition.FALSE,
          "NoShards",
          "the selector matched no running pod yet",
          generation,
          now);
    }
    // An endpoint's shard not registered yet is a moment inside the operator, not a problem of
    // the user's: like a shard not polled yet.
    if (shards.stream().noneMatch(ComponentStatusAggregator::settled)) {
      // Nothing known yet in this process (a start, a restart, a new leader): what the status
      // said before still stands, so a restart does not look like an outage.
      ComponentCondition previous = Conditions.find(previousConditions, ComponentCondition.READY);
      if (previous != null
          && previous.observedGeneration() == generation
          && (ComponentCondition.TRUE.equals(previous.status())
              || isShardReason(previous.reason()))) {
        return previous;
      }
      return condition(
          ComponentCondition.UNKNOWN,
          "Polling",
          shards.isEmpty()
              ? "waiting for the endpoint's shard"
              : "waiting for the first INFO of " + shards.size() + " shard(s)",
          generation,
          now);
    }
    if (ready == 0) {
      // The most telling failure among the shards decides the reason: a refused credential says
      // more than a refused connection. Kinds are decided by the poller, not read from the text.
      Shard worst = null;
      for (Shard shard : shards) {
        FailureKind failure = shard.snapshot().failure();
        if (failure == null) {
          continue;
        }
        if (worst == null
            || precedence(failure) < precedence(worst.snapshot().failure())
            || (precedence(failure) == precedence(worst.snapshot().failure())
                && shard == primary)) {
          worst = shard;
        }
      }
      if (worst == null) {
        return condition(
            ComponentCondition.FALSE, "Unreachable", "no shard answered INFO", generation, now);
      }
      FailureKind kind = worst.snapshot().failure();
      return condition(
          ComponentCondition.FALSE,
          kind.reason(),
          worst.id() + ": " + worst.snapshot().lastError() + hint(kind),
          generation,
          now);
    }
    if (primary.snapshot().summary() == null) {
      return condition(
          ComponentCondition.FALSE,
          "InfoUnavailable",
          primary.id() + " answers but its INFO could not be read",
          generation,
          now);
    }
    String role = primary.snapshot().role();
    return condition(
        ComponentCondition.TRUE,
        "Ready",
        ready
            + "/"
            + shards.size()
            + " shard(s) reachable; primary "
            + primary.spec().address()
            + (role == null ? "" : " (" + role.toLowerCase(Locale.ROOT) + ")"),
        generation,
        now);
  }

  private static ComponentCondition condition(
      String status, String reason, String message, long generation, Instant now) {
    return new ComponentCondition(
        ComponentCondition.READY, status, reason, message, now, generation);
  }
}
