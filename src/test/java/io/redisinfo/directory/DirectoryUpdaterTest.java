package io.redisinfo.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.info.Info;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryUpdaterTest {
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final ComponentRegistry components = new ComponentRegistry();
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final Directory directory = new Directory(timer);
  private final DirectoryJson json = new DirectoryJson();
  private final DirectoryUpdater updater =
      new DirectoryUpdater(components, shards, directory, new DirectoryEntryBuilder(json));
  private final ComponentParser parser = new ComponentParser(new ObjectMapper(), true);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private ParsedComponent parse(String yaml) throws Exception {
    return parser.parse(new YAMLMapper().readTree(yaml), "default");
  }

  /** shop/sessions, whose shards are the pods labelled app=redis. */
  private void putSessionsSelectingAppRedis() throws Exception {
    components.put(
        "files",
        parse(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: sessions, namespace: shop}
            spec: {selector: {matchLabels: {app: redis}}}
            """));
  }

  @Test
  void followsComponentsAndIgnoresInvalidOnes() throws Exception {
    updater.attach();
    components.put(
        "files",
        parse(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: statistics, namespace: shop}
            spec:
              purpose: stats
              endpoint: {host: redis-stats, port: 6380}
              auth:
                username: monitor
                passwordSecretRef: {name: redis-stats-auth, key: password}
              config: {retention: 7d}
            """));

    DirectoryEntry entry = directory.get("shop/statistics").orElseThrow();
    assertThat(entry.uri()).isEqualTo("redis://monitor@redis-stats:6380/0");
    assertThat(entry.config()).isEqualTo(Map.of("retention", "7d"));

    components.put(
        "files",
        parse(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: statistics, namespace: shop}
            spec: {purpose: nonsense, endpoint: {host: redis-stats}}
            """));
    assertThat(directory.get("shop/statistics")).isEmpty();
  }

  @Test
  void selectorEntryFollowsPodsAndFailover() throws Exception {
    putSessionsSelectingAppRedis();
    updater.attach();
    assertThat(directory.get("shop/sessions").orElseThrow().pods()).isEmpty();

    shards.put(
        "k8s",
        new ShardSpec(
            "shop/redis-0",
            new ShardAddress("10.0.0.1", 6379),
            "shop/sessions",
            "shop/redis-0",
            new Credentials(null, "pw"),
            false,
            null));
    assertThat(directory.get("shop/sessions").orElseThrow().pods()).hasSize(1);
    assertThat(directory.get("shop/sessions").orElseThrow().host()).isNull();

    shards
        .get("shop/redis-0")
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Info.empty(),
                DirectoryEntryBuilderTest.summary("master", 1, 1),
                1,
                1,
                true,
                null,
                Duration.ofSeconds(1),
                1,
                0));
    updater.refreshAll();
    assertThat(directory.get("shop/sessions").orElseThrow().host()).isEqualTo("10.0.0.1");

    shards.remove("shop/redis-0");
    assertThat(directory.get("shop/sessions").orElseThrow().pods()).isEmpty();

    components.remove("files", "shop/sessions");
    assertThat(directory.size()).isZero();
  }

  private void publish(String shardId, String role, boolean reachable) {
    shards
        .get(shardId)
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Info.empty(),
                DirectoryEntryBuilderTest.summary(role, 1, 1),
                1,
                1,
                reachable,
                null,
                Duration.ofSeconds(1),
                1,
                0));
  }

  @Test
  void aPollThatChangesAShardsRoleOrReachabilityChangesItsEntryAtOnceAndOthersChangeNothing()
      throws Exception {
    putSessionsSelectingAppRedis();
    updater.attach();
    for (int i = 0; i < 2; i++) {
      shards.put(
          "k8s-" + i,
          new ShardSpec(
              "shop/redis-" + i,
              new ShardAddress("10.0.0." + (i + 1), 6379),
              "shop/sessions",
              "shop/redis-" + i,
              null,
              false,
              null));
    }
    publish("shop/redis-0", "master", true);
    publish("shop/redis-1", "slave", true);
    updater.onPolled(shards.get("shop/redis-0").orElseThrow());
    updater.onPolled(shards.get("shop/redis-1").orElseThrow());
    assertThat(directory.get("shop/sessions").orElseThrow().host()).isEqualTo("10.0.0.1");
    long built = updater.entriesBuilt();

    // Polls that change nothing rebuild nothing.
    updater.onPolled(shards.get("shop/redis-0").orElseThrow());
    updater.onPolled(shards.get("shop/redis-1").orElseThrow());
    assertThat(updater.entriesBuilt()).isEqualTo(built);

    // Failover: the poll that sees the new master moves the entry, with no rescan.
    publish("shop/redis-0", "slave", true);
    publish("shop/redis-1", "master", true);
    updater.onPolled(shards.get("shop/redis-1").orElseThrow());
    assertThat(directory.get("shop/sessions").orElseThrow().host()).isEqualTo("10.0.0.2");
    assertThat(updater.entriesBuilt()).isGreaterThan(built);
  }

  @Test
  void refreshAllRebuildsOnlyEntriesWhoseInputsChanged() throws Exception {
    for (String name : new String[] {"a", "b", "c"}) {
      components.put(
          "files",
          parse(
              """
              apiVersion: redisinfo.io/v1alpha1
              kind: RedisComponent
              metadata: {name: %s, namespace: shop}
              spec: {endpoint: {host: redis-%s}}
              """
                  .formatted(name, name)));
    }
    putSessionsSelectingAppRedis();
    updater.attach();
    shards.put(
        "k8s",
        new ShardSpec(
            "shop/redis-0",
            new ShardAddress("10.0.0.1", 6379),
            "shop/sessions",
            "shop/redis-0",
            null,
            false,
            null));
    updater.refreshAll();
    long built = updater.entriesBuilt();

    updater.refreshAll();
    updater.refreshAll();
    assertThat(updater.entriesBuilt()).isEqualTo(built);

    publish("shop/redis-0", "master", true);
    updater.refreshAll();
    assertThat(updater.entriesBuilt()).isEqualTo(built + 1);
    assertThat(directory.get("shop/sessions").orElseThrow().host()).isEqualTo("10.0.0.1");
    updater.refreshAll();
    assertThat(updater.entriesBuilt()).isEqualTo(built + 1);

    publish("shop/redis-0", "master", false);
    updater.refreshAll();
    assertThat(updater.entriesBuilt()).isEqualTo(built + 2);

    // An entry removed behind the updater's back is put back.
    directory.remove("shop/a");
    updater.refreshAll();
    assertThat(directory.get("shop/a")).isPresent();
    assertThat(updater.entriesBuilt()).isEqualTo(built + 3);
  }

  @Test
  void anEndpointComponentsShardComingAndGoingDoesNotRebuildItsEntry() throws Exception {
    updater.attach();
    components.put(
        "files",
        parse(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: cache, namespace: shop}
            spec: {endpoint: {host: redis-cache}}
            """));
    long built = updater.entriesBuilt();
    DirectoryEntry entry = directory.get("shop/cache").orElseThrow();

    ShardSpec shard =
        new ShardSpec(
            "shop/cache",
            new ShardAddress("redis-cache", 6379),
            "shop/cache",
            null,
            Credentials.NONE,
            false,
            null);
    shards.put("files", shard);
    shards.remove("shop/cache");

    assertThat(updater.entriesBuilt()).isEqualTo(built);
    assertThat(directory.get("shop/cache")).contains(entry);

    // A changed component is still rebuilt.
    components.put(
        "files",
        parse(
            """
            apiVersion: redisinfo.io/v1alpha1
            kind: RedisComponent
            metadata: {name: cache, namespace: shop}
            spec: {endpoint: {host: redis-cache, port: 6380}}
            """));
    assertThat(updater.entriesBuilt()).isEqualTo(built + 1);
    assertThat(directory.get("shop/cache").orElseThrow().port()).isEqualTo(6380);
  }
}
