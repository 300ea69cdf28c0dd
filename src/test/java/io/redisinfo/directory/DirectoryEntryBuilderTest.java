package io.redisinfo.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.Purpose;
import io.redisinfo.component.SecretRef;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryEntryBuilderTest {
  static final String PASSWORD = "s3cret-Pa55word";

  private final DirectoryJson json = new DirectoryJson();
  private final DirectoryEntryBuilder builder = new DirectoryEntryBuilder(json);
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));

  static Component endpointComponent(String username, boolean tls, Map<String, Object> config) {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.STATS,
            new Endpoint("redis-stats.shop.svc.cluster.local", 6379),
            null,
            6379,
            0,
            tls,
            username,
            new SecretRef("redis-stats-auth", "password"),
            null,
            config);
    return new Component("shop", "statistics", spec, 1);
  }

  static Component selectorComponent() {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.SESSION,
            null,
            new PodSelector(Map.of("app", "redis-sessions"), List.of()),
            6380,
            2,
            false,
            null,
            null,
            null,
            Map.of());
    return new Component("shop", "sessions", spec, 1);
  }

  static InfoSummary summary(String role, double ops, long memory) {
    return new InfoSummary(
        role, "7.2.4", 1L, memory, 0L, ops, 1L, 0L, 1L, 1.0, 0L, 0L, 0L, 0L, null, null, null, null,
        false);
  }

  private void addPod(String pod, String ip) {
    shards.put(
        "k8s",
        new ShardSpec(
            "shop/" + pod,
            new ShardAddress(ip, 6380),
            "shop/sessions",
            "shop/" + pod,
            new Credentials("default", PASSWORD),
            false,
            null));
  }

  private void publish(String pod, InfoSummary summary) {
    shards
        .get("shop/" + pod)
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Info.of(Map.of("server", Map.of("role", summary.role())), 0),
                summary,
                1,
                1,
                true,
                null,
                Duration.ofSeconds(1),
                1,
                0));
  }

  @Test
  void endpointEntryMatchesTheContractExample() {
    DirectoryEntry entry =
        builder.build(endpointComponent("monitor", false, Map.of("ttl", 60)), shards.all());

    assertThat(json.write(entry))
        .isEqualTo(
            "{\"type\":\"redis\",\"namespace\":\"shop\",\"component\":\"statistics\","
                + "\"purpose\":\"stats\",\"host\":\"redis-stats.shop.svc.cluster.local\","
                + "\"port\":6379,\"database\":0,\"tls\":false,\"username\":\"monitor\","
                + "\"passwordSecretRef\":{\"name\":\"redis-stats-auth\",\"key\":\"password\"},"
                + "\"uri\":\"redis://monitor@redis-stats.shop.svc.cluster.local:6379/0\","
                + "\"config\":{\"ttl\":60},\"version\":\""
                + entry.version()
                + "\"}");
    assertThat(entry.version()).matches("[0-9a-f]{16}");
    assertThat(entry.key()).isEqualTo("shop/statistics");
  }

  @Test
  void tlsAndNoUserShapeTheUri() {
    DirectoryEntry entry = builder.build(endpointComponent(null, true, Map.of()), shards.all());

    assertThat(entry.uri()).isEqualTo("rediss://redis-stats.shop.svc.cluster.local:6379/0");
    assertThat(entry.tls()).isTrue();
  }

  @Test
  void uriEscapesTheUserAndBracketsIpv6() {
    ComponentSpec spec =
        new ComponentSpec(Purpose.CACHE, null, null, 6379, 3, false, "a b@c", null, null, Map.of());

    assertThat(DirectoryEntryBuilder.uri(spec, "fd00::1", 6379))
        .isEqualTo("redis://a%20b%40c@[fd00::1]:6379/3");
  }

  @Test
  void selectorEntryPointsAtTheMasterPodAndListsAllPods() {
    addPod("redis-1", "10.0.0.2");
    addPod("redis-0", "10.0.0.1");
    publish("redis-0", summary("slave", 1, 1));
    publish("redis-1", summary("master", 1, 1));

    DirectoryEntry entry = builder.build(selectorComponent(), shards.all());

    assertThat(entry.host()).isEqualTo("10.0.0.2");
    assertThat(entry.port()).isEqualTo(6380);
    assertThat(entry.uri()).isEqualTo("redis://10.0.0.2:6380/2");
    assertThat(entry.pods())
        .containsExactly(
            new PodEndpoint("redis-0", "10.0.0.1", 6380),
            new PodEndpoint("redis-1", "10.0.0.2", 6380));
  }

  @Test
  void selectorEntryHasNoHostUntilAMasterIsKnown() {
    addPod("redis-0", "10.0.0.1");

    DirectoryEntry entry = builder.build(selectorComponent(), shards.all());

    assertThat(entry.host()).isNull();
    assertThat(entry.port()).isNull();
    assertThat(entry.uri()).isNull();
    assertThat(entry.pods()).hasSize(1);
    assertThat(json.write(entry)).contains("\"host\":null").contains("\"pods\":[");
  }

  @Test
  void failoverChangesTheVersionButStatusFiguresDoNot() {
    addPod("redis-0", "10.0.0.1");
    addPod("redis-1", "10.0.0.2");
    publish("redis-0", summary("master", 10, 1000));
    publish("redis-1", summary("slave", 10, 1000));
    String before = builder.build(selectorComponent(), shards.all()).version();

    publish("redis-0", summary("master", 99_999, 5_000_000));
    assertThat(builder.build(selectorComponent(), shards.all()).version()).isEqualTo(before);

    publish("redis-0", summary("slave", 10, 1000));
    publish("redis-1", summary("master", 10, 1000));
    DirectoryEntry after = builder.build(selectorComponent(), shards.all());
    assertThat(after.version()).isNotEqualTo(before);
    assertThat(after.host()).isEqualTo("10.0.0.2");
  }

  @Test
  void noPasswordEverAppearsInTheEntry() {
    addPod("redis-0", "10.0.0.1");
    publish("redis-0", summary("master", 1, 1));
    shards.put(
        "files",
        new ShardSpec(
            "shop/statistics",
            new ShardAddress("redis-stats.shop.svc.cluster.local", 6379),
            "shop/statistics",
            null,
            new Credentials("monitor", PASSWORD),
            false,
            null));

    String endpointJson =
        json.write(builder.build(endpointComponent("monitor", false, Map.of()), shards.all()));
    String selectorJson = json.write(builder.build(selectorComponent(), shards.all()));

    assertThat(endpointJson).doesNotContain(PASSWORD).doesNotContain("\"password\":");
    assertThat(selectorJson).doesNotContain(PASSWORD).doesNotContain("default");
    assertThat(endpointJson).contains("\"passwordSecretRef\":{\"name\":\"redis-stats-auth\"");
  }
}
