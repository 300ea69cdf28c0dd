package io.redisinfo.advice;

import io.redisinfo.advice.rules.BigClientBuffers;
import io.redisinfo.advice.rules.BlockedClients;
import io.redisinfo.advice.rules.ClientsNearMax;
import io.redisinfo.advice.rules.EvictionPolicy;
import io.redisinfo.advice.rules.Evictions;
import io.redisinfo.advice.rules.Fragmentation;
import io.redisinfo.advice.rules.FullResyncs;
import io.redisinfo.advice.rules.KeysCommand;
import io.redisinfo.advice.rules.KeysWithoutExpiry;
import io.redisinfo.advice.rules.LastSaveOld;
import io.redisinfo.advice.rules.LowHitRatio;
import io.redisinfo.advice.rules.MasterCount;
import io.redisinfo.advice.rules.MemoryNearLimit;
import io.redisinfo.advice.rules.NoMaxmemory;
import io.redisinfo.advice.rules.NoPersistence;
import io.redisinfo.advice.rules.PersistenceFailing;
import io.redisinfo.advice.rules.PersistenceOnCache;
import io.redisinfo.advice.rules.RedisEol;
import io.redisinfo.advice.rules.RejectedConnections;
import io.redisinfo.advice.rules.ReplicaLag;
import io.redisinfo.advice.rules.ReplicasMissing;
import io.redisinfo.advice.rules.ReplicationLinkDown;
import io.redisinfo.advice.rules.SeveralDatabases;
import io.redisinfo.advice.rules.SlowFork;
import java.util.List;
import java.util.Optional;

/** Every rule, in the order advisories are listed when equally severe. */
public final class Rules {
  private static final List<Rule> ALL =
      List.of(
          new NoMaxmemory(),
          new MemoryNearLimit(),
          new EvictionPolicy(),
          new Evictions(),
          new LowHitRatio(),
          new KeysCommand(),
          new RejectedConnections(),
          new ClientsNearMax(),
          new ReplicationLinkDown(),
          new ReplicasMissing(),
          new ReplicaLag(),
          new FullResyncs(),
          new MasterCount(),
          new PersistenceFailing(),
          new NoPersistence(),
          new LastSaveOld(),
          new PersistenceOnCache(),
          new SlowFork(),
          new Fragmentation(),
          new BigClientBuffers(),
          new BlockedClients(),
          new KeysWithoutExpiry(),
          new RedisEol(),
          new SeveralDatabases());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(Rule::name).toList();
  }

  public static Optional<Rule> byName(String name) {
    return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
