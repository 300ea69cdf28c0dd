package io.redisinfo.k8s.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.Endpoint;
import io.redisinfo.component.PodSelector;
import io.redisinfo.component.Purpose;
import io.redisinfo.component.SecretRef;
import io.redisinfo.directory.Directory;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryEntryBuilder;
import io.redisinfo.directory.DirectoryJson;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoSummary;
import io.redisinfo.resource.RedisComponent;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigMapDirectoryTest {
  static final String PASSWORD = "s3cret-Pa55word-in-credentials";

  private final DirectoryJson json = new DirectoryJson();
  private final DirectoryEntryBuilder builder = new DirectoryEntryBuilder(json);
  private final ShardRegistry shards = new ShardRegistry(Duration.ofSeconds(1));
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final Directory directory = new Directory(timer);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<ConfigMapDirectory> started = new ArrayList<>();
  private final List<io.fabric8.kubernetes.client.informers.SharedIndexInformer<ConfigMap>>
      informers = new ArrayList<>();
  private MockApiServer server;
  private KubernetesClient admin;

  @BeforeEach
  void setUp() {
    server = new MockApiServer();
    admin = server.newClient();
  }

  @AfterEach
  void tearDown() {
    informers.forEach(io.fabric8.kubernetes.client.informers.SharedIndexInformer::close);
    started.forEach(ConfigMapDirectory::close);
    server.close();
    timer.shutdownNow();
  }

  // ---- building real entries -------------------------------------------------------------

  static Component endpointComponent(String namespace, String name, Map<String, Object> config) {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.STATS,
            new Endpoint("redis-" + name + "." + namespace + ".svc.cluster.local", 6379),
            null,
            6379,
            0,
            false,
            "monitor",
            new SecretRef("redis-" + name + "-auth", "password"),
            null,
            config);
    return new Component(namespace, name, spec, 1);
  }

  static Component selectorComponent(String namespace, String name) {
    ComponentSpec spec =
        new ComponentSpec(
            Purpose.SESSION,
            null,
            new PodSelector(Map.of("app", "redis-" + name), List.of()),
            6380,
            2,
            false,
            "default",
            new SecretRef("redis-" + name + "-auth", "password"),
            null,
            Map.of());
    return new Component(namespace, name, spec, 1);
  }

  /** A pod of a selector component whose shard carries the password, polled as {@code role}. */
  private void addPod(Component component, String pod, String ip, String role) {
    String id = component.namespace() + "/" + pod;
    shards.put(
        "k8s",
        new ShardSpec(
            id,
            new ShardAddress(ip, 6380),
            component.key(),
            id,
            new Credentials("default", PASSWORD),
            false,
            null));
    InfoSummary summary =
        new InfoSummary(
            role, "7.2.4", 1L, 1L, 0L, 1.0, 1L, 0L, 1L, 1.0, 0L, 0L, 0L, 0L, null, null, null, null,
            false);
    shards
        .get(id)
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                Info.of(Map.of("server", Map.of("role", role)), 0),
                summary,
                1,
                1,
                true,
                null,
                Duration.ofSeconds(1),
                1,
                0));
  }

  private DirectoryEntry publish(Component component) {
    DirectoryEntry entry = builder.build(component, shards.all());
    directory.update(entry);
    return entry;
  }

  // ---- the object under test -------------------------------------------------------------

  private ConfigMapDirectoryOptions.Builder options() {
    return ConfigMapDirectoryOptions.builder()
        .meters(meters)
        .timing(
            Duration.ofMillis(20),
            Duration.ofMinutes(10),
            Duration.ofMillis(20),
            Duration.ofSeconds(1));
  }

  private ConfigMapDirectory start(ConfigMapDirectoryOptions.Builder options) {
    ConfigMapDirectory configMaps =
        new ConfigMapDirectory(server.newClient(), directory, json, options.build());
    started.add(configMaps);
    // What the operator's controller does with its informer of the labelled ConfigMaps.
    var informer =
        server
            .newClient()
            .configMaps()
            .inAnyNamespace()
            .withLabel(ConfigMapDirectory.MANAGED_BY, ConfigMapDirectory.MANAGED_BY_VALUE)
            .inform(configMaps.observer(), 0);
    informers.add(informer);
    configMaps.start(informer.getStore().list().stream());
    return configMaps;
  }

  private ConfigMap configMap(String namespace) {
    return admin.configMaps().inNamespace(namespace).withName(ConfigMapDirectory.NAME).get();
  }

  private Map<String, String> dataOf(String namespace) {
    ConfigMap configMap = configMap(namespace);
    return configMap == null ? null : configMap.getData();
  }

  /**
   * Waits until the writer has seen, through its informer, the ConfigMap the server holds (so any
   * write our own write could provoke has been provoked), then until all it scheduled has run.
   */
  private void settle(ConfigMapDirectory configMaps, String... namespaces) throws Exception {
    for (String namespace : namespaces) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                ConfigMap server = configMap(namespace);
                ConfigMap seen = configMaps.known(namespace);
                return server == null
                    ? seen == null
                    : seen != null
                        && server
                            .getMetadata()
                            .getResourceVersion()
                            .equals(seen.getMetadata().getResourceVersion());
              });
    }
    configMaps.flush();
    configMaps.flush();
  }

  /** ConfigMap writes (create, update, delete) the API server accepted so far. */
  private long writes() {
    return (long)
        meters.find("redisinfo.directory.writes").counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  /** Writes that failed otherwise than with a conflict so far. */
  private long errors() {
    return (long)
        meters.get("redisinfo.directory.write.failures").tag("reason", "error").counter().count();
  }

  private double writesMetric(String operation) {
    return meters.get("redisinfo.directory.writes").tag("operation", operation).counter().count();
  }

  // ---- tests -----------------------------------------------------------------------------

  @Test
  void entriesAppearInTheConfigMapOfTheirNamespace() throws Exception {
    Component statistics = endpointComponent("shop", "statistics", Map.of("retention", "7d"));
    Component sessions = selectorComponent("shop", "sessions");
    Component ledger = endpointComponent("billing", "ledger", Map.of());
    addPod(sessions, "redis-0", "10.0.0.1", "master");
    addPod(sessions, "redis-1", "10.0.0.2", "slave");
    DirectoryEntry statisticsEntry = publish(statistics);
    DirectoryEntry sessionsEntry = publish(sessions);
    DirectoryEntry ledgerEntry = publish(ledger);

    ConfigMapDirectory configMaps = start(options());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dataOf("shop") != null && dataOf("billing") != null);
    assertThat(dataOf("shop"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "statistics.json", json.write(statisticsEntry),
                "sessions.json", json.write(sessionsEntry)));
    assertThat(dataOf("billing"))
        .containsExactlyEntriesOf(Map.of("ledger.json", json.write(ledgerEntry)));
    assertThat(configMap("shop").getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "redis-info-operator");
    assertThat(sessionsEntry.host()).isEqualTo("10.0.0.1");
    assertThat(dataOf("shop").get("sessions.json")).contains("\"pods\":[").contains("10.0.0.2");

    settle(configMaps, "shop", "billing");
    assertThat(writes()).isEqualTo(2);
    assertThat(writesMetric("create")).isEqualTo(2);
    assertThat(server.configMapWrites()).isEqualTo(2);
  }

  @Test
  void aChangedEntryIsWrittenOnceAndAnUnchangedRepublishWritesNothing() throws Exception {
    Component sessions = selectorComponent("shop", "sessions");
    addPod(sessions, "redis-0", "10.0.0.1", "master");
    addPod(sessions, "redis-1", "10.0.0.2", "slave");
    publish(sessions);
    publish(endpointComponent("shop", "statistics", Map.of()));
    ConfigMapDirectory configMaps = start(options());
    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    settle(configMaps, "shop");
    long afterCreate = writes();

    // Re-publishing equal entries (a periodic refreshAll) and a resync write nothing.
    for (int i = 0; i < 5; i++) {
      publish(sessions);
      publish(endpointComponent("shop", "statistics", Map.of()));
    }
    configMaps.syncAll();
    settle(configMaps, "shop");
    assertThat(writes()).isEqualTo(afterCreate).isEqualTo(1);

    // A failover changes the version: one update.
    addPod(sessions, "redis-0", "10.0.0.1", "slave");
    addPod(sessions, "redis-1", "10.0.0.2", "master");
    DirectoryEntry failedOver = publish(sessions);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> json.write(failedOver).equals(dataOf("shop").get("sessions.json")));
    settle(configMaps, "shop");
    assertThat(writes()).isEqualTo(afterCreate + 1);
    assertThat(writesMetric("update")).isEqualTo(1);
    assertThat(server.configMapWrites()).isEqualTo(2);

    // Our own write came back through the informer and caused nothing more.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> writes() == afterCreate + 1);
  }

  @Test
  void aHundredEntriesInFiveNamespacesGiveOneWritePerNamespace() throws Exception {
    String[] namespaces = {"ns-0", "ns-1", "ns-2", "ns-3", "ns-4"};
    for (int i = 0; i < 100; i++) {
      publish(endpointComponent(namespaces[i % 5], "component-" + i, Map.of("i", i)));
    }
    ConfigMapDirectory configMaps = start(options());
    await().atMost(Duration.ofSeconds(20)).until(() -> writes() == 5 && dataOf("ns-4") != null);
    settle(configMaps, namespaces);
    for (String namespace : namespaces) {
      assertThat(dataOf(namespace)).hasSize(20);
    }
    assertThat(writes()).isEqualTo(5);

    // Ten rounds of re-publishing all hundred unchanged entries: nothing.
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 100; i++) {
        publish(endpointComponent(namespaces[i % 5], "component-" + i, Map.of("i", i)));
      }
    }
    configMaps.syncAll();
    settle(configMaps, namespaces);
    assertThat(writes()).isEqualTo(5);

    // A hundred more entries while running: at most one write per entry, batched in practice.
    for (int i = 100; i < 200; i++) {
      publish(endpointComponent(namespaces[i % 5], "component-" + i, Map.of("i", i)));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                java.util.Arrays.stream(namespaces)
                    .allMatch(ns -> dataOf(ns) != null && dataOf(ns).size() == 40));
    settle(configMaps, namespaces);
    long burstWrites = writes() - 5;
    System.out.printf("100 new entries in 5 namespaces while running: %d writes%n", burstWrites);
    assertThat(burstWrites).isBetween(5L, 100L);
    assertThat(server.configMapWrites()).isEqualTo(writes());
  }

  @Test
  void aRemovedComponentLosesItsKeyAndTheLastOneTakesTheConfigMapAway() throws Exception {
    publish(endpointComponent("shop", "statistics", Map.of()));
    publish(endpointComponent("shop", "cache", Map.of()));
    ConfigMapDirectory configMaps = start(options());
    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    assertThat(dataOf("shop")).containsOnlyKeys("statistics.json", "cache.json");

    directory.remove("shop/cache");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dataOf("shop").keySet().equals(Set.of("statistics.json")));

    directory.remove("shop/statistics");
    await().atMost(Duration.ofSeconds(10)).until(() -> configMap("shop") == null);
    settle(configMaps, "shop");
    assertThat(writesMetric("create")).isEqualTo(1);
    assertThat(writesMetric("update")).isEqualTo(1);
    assertThat(writesMetric("delete")).isEqualTo(1);
    assertThat(writes()).isEqualTo(3);
  }

  @Test
  void aConfigMapDeletedByHandIsRestored() throws Exception {
    DirectoryEntry entry = publish(endpointComponent("shop", "statistics", Map.of()));
    ConfigMapDirectory configMaps = start(options());
    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    settle(configMaps, "shop");

    admin.configMaps().inNamespace("shop").withName(ConfigMapDirectory.NAME).delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                dataOf("shop") != null
                    && json.write(entry).equals(dataOf("shop").get("statistics.json")));
    settle(configMaps, "shop");
    assertThat(writesMetric("create")).isEqualTo(2);
    assertThat(writes()).isEqualTo(2);
  }

  @Test
  void aConfigMapEditedByHandIsRestored() throws Exception {
    DirectoryEntry entry = publish(endpointComponent("shop", "statistics", Map.of()));
    ConfigMapDirectory configMaps = start(options());
    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    settle(configMaps, "shop");
    Map<String, String> wanted = Map.of("statistics.json", json.write(entry));

    // A value changed and a foreign key added; a label others added is kept.
    ConfigMap edited =
        new ConfigMapBuilder(configMap("shop"))
            .editMetadata()
            .addToLabels("team", "shop")
            .endMetadata()
            .withData(Map.of("statistics.json", "{\"host\":\"evil\"}", "extra.json", "{}"))
            .build();
    admin.configMaps().inNamespace("shop").resource(edited).update();
    await().atMost(Duration.ofSeconds(10)).until(() -> wanted.equals(dataOf("shop")));
    assertThat(configMap("shop").getMetadata().getLabels()).containsEntry("team", "shop");

    settle(configMaps, "shop");
    assertThat(writesMetric("update")).isEqualTo(1);
  }

  /**
   * A user's own ConfigMap of the same name (no managed-by label) is never written, adopted or
   * deleted: the components get a Warning Event instead, and another name can be configured.
   */
  @Test
  void aConfigMapOfTheSameNameThatIsNotOursIsNeverTouched() throws Exception {
    ConfigMap theirs =
        admin
            .configMaps()
            .inNamespace("shop")
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(ConfigMapDirectory.NAME)
                    .withNamespace("shop")
                    .addToLabels("team", "shop")
                    .endMetadata()
                    .withData(Map.of("theirs.txt", "keep me"))
                    .build())
            .create();
    publish(endpointComponent("shop", "statistics", Map.of()));
    ConfigMapDirectory configMaps = start(options());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(configMaps.notOwned()).containsKey("shop");
              assertThat(admin.v1().events().inNamespace("shop").list().getItems())
                  .extracting(Event::getReason)
                  .containsExactly(ConfigMapDirectory.NOT_OWNED_REASON);
            });
    assertThat(configMaps.notOwned().get("shop")).contains("--directory-configmap");

    // The last component goes: theirs stays, untouched.
    directory.remove("shop/statistics");
    configMaps.flush();
    configMaps.syncAll();
    configMaps.flush();
    assertThat(configMap("shop").getData()).isEqualTo(Map.of("theirs.txt", "keep me"));
    assertThat(configMap("shop").getMetadata().getResourceVersion())
        .isEqualTo(theirs.getMetadata().getResourceVersion());
    assertThat(writes()).isZero();

    // Another name: published there, theirs still untouched.
    publish(endpointComponent("shop", "statistics", Map.of()));
    ConfigMapDirectory renamed = start(options().configMapName("redis-endpoints"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> admin.configMaps().inNamespace("shop").withName("redis-endpoints").get() != null);
    assertThat(renamed.notOwned()).isEmpty();
    assertThat(configMap("shop").getData()).isEqualTo(Map.of("theirs.txt", "keep me"));
  }

  @Test
  void anEntryTooLargeForTheConfigMapIsLeftOutWithAnEventUntilItFits() throws Exception {
    admin.resources(RedisComponent.class).inNamespace("shop").resource(bigComponent()).create();
    List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
    DirectoryEntry small = publish(endpointComponent("shop", "a-small", Map.of()));
    publish(endpointComponent("shop", "big", Map.of("blob", "x".repeat(2000))));
    DirectoryEntry after = publish(endpointComponent("shop", "z-after", Map.of()));
    ConfigMapDirectory configMaps = start(options().maxDataBytes(2000).leftOutListener(told::add));

    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    settle(configMaps, "shop");
    // What fits is written; the big one is left out, and the next one is still tried.
    assertThat(dataOf("shop"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "a-small.json", json.write(small),
                "z-after.json", json.write(after)));
    assertThat(configMaps.leftOut()).containsOnlyKeys("shop/big");
    assertThat(configMaps.leftOut().get("shop/big"))
        .contains("does not fit in ConfigMap redis-directory")
        .contains("2000 bytes");
    assertThat(told).containsExactly("shop/big");
    assertThat(meters.get("redisinfo.directory.entries.left.out").gauge().value()).isEqualTo(1);
    List<Event> events = admin.v1().events().inNamespace("shop").list().getItems();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getReason()).isEqualTo("DirectoryEntryTooLarge");
    assertThat(events.get(0).getType()).isEqualTo("Warning");
    assertThat(events.get(0).getInvolvedObject().getName()).isEqualTo("big");
    assertThat(events.get(0).getInvolvedObject().getKind()).isEqualTo("RedisComponent");
    assertThat(events.get(0).getInvolvedObject().getUid()).isEqualTo(configMapsUid("shop", "big"));

    // No loop: a resync writes nothing and records no second Event.
    configMaps.syncAll();
    settle(configMaps, "shop");
    assertThat(writes()).isEqualTo(1);
    assertThat(errors()).isZero();
    assertThat(admin.v1().events().inNamespace("shop").list().getItems()).hasSize(1);

    // Made small, it is put in and the signal clears.
    DirectoryEntry shrunk = publish(endpointComponent("shop", "big", Map.of("blob", "x")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> json.write(shrunk).equals(dataOf("shop").get("big.json")));
    assertThat(configMaps.leftOut()).isEmpty();
    assertThat(told).containsExactly("shop/big", "shop/big");
    settle(configMaps, "shop");
    assertThat(writes()).isEqualTo(2);
  }

  private static RedisComponent bigComponent() {
    RedisComponent resource = new RedisComponent();
    resource.getMetadata().setNamespace("shop");
    resource.getMetadata().setName("big");
    return resource;
  }

  private String configMapsUid(String namespace, String name) {
    return admin
        .resources(RedisComponent.class)
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getMetadata()
        .getUid();
  }

  @Test
  void failingWritesAreRetriedWithBackoffUntilTheyPass() throws Exception {
    DirectoryEntry entry = publish(endpointComponent("shop", "statistics", Map.of()));
    server.failConfigMapWrites(403, 4); // e.g. RBAC not yet granted
    ConfigMapDirectory configMaps = start(options());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                dataOf("shop") != null
                    && json.write(entry).equals(dataOf("shop").get("statistics.json")));
    settle(configMaps, "shop");
    assertThat(errors()).isEqualTo(4);
    assertThat(writes()).isEqualTo(1);
    assertThat(server.configMapWrites()).isEqualTo(5);
    assertThat(
            meters
                .get("redisinfo.directory.write.failures")
                .tag("reason", "error")
                .counter()
                .count())
        .isEqualTo(4);
  }

  @Test
  void aStandbyWritesNothingUntilItLeads() throws Exception {
    DirectoryEntry entry = publish(endpointComponent("shop", "statistics", Map.of()));
    AtomicBoolean leader = new AtomicBoolean(false);
    ConfigMapDirectory configMaps = start(options().leader(leader::get));
    configMaps.syncAll();
    settle(configMaps, "shop");
    assertThat(configMap("shop")).isNull();
    assertThat(server.configMapWrites()).isZero();

    leader.set(true);
    configMaps.syncAll();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                dataOf("shop") != null
                    && json.write(entry).equals(dataOf("shop").get("statistics.json")));
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void onlyTheWatchedNamespacesAreWritten() throws Exception {
    publish(endpointComponent("shop", "statistics", Map.of()));
    publish(endpointComponent("billing", "ledger", Map.of()));
    ConfigMapDirectory configMaps = start(options().namespaces(Set.of("shop")));

    await().atMost(Duration.ofSeconds(10)).until(() -> dataOf("shop") != null);
    settle(configMaps, "shop");
    assertThat(configMap("billing")).isNull();
    assertThat(writes()).isEqualTo(1);
  }

  @Test
  void aStaleConfigMapLeftFromBeforeIsDeletedWhenItsNamespaceHasNoEntry() throws Exception {
    admin
        .configMaps()
        .inNamespace("old")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(ConfigMapDirectory.NAME)
                .withNamespace("old")
                .addToLabels("app.kubernetes.io/managed-by", "redis-info-operator")
                .endMetadata()
                .withData(Map.of("gone.json", "{}"))
                .build())
        .create();
    ConfigMapDirectory configMaps = start(options());

    await().atMost(Duration.ofSeconds(10)).until(() -> configMap("old") == null);
    assertThat(writesMetric("delete")).isEqualTo(1);
    settle(configMaps, "old");
  }

  @Test
  void noPasswordInAnyConfigMap() throws Exception {
    Component sessions = selectorComponent("shop", "sessions");
    addPod(sessions, "redis-0", "10.0.0.1", "master");
    publish(sessions);
    publish(endpointComponent("shop", "statistics", Map.of("note", "see the Secret")));
    publish(endpointComponent("billing", "ledger", Map.of()));
    assertThat(shards.get("shop/redis-0").orElseThrow().spec().credentials().password())
        .isEqualTo(PASSWORD);
    ConfigMapDirectory configMaps = start(options());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dataOf("shop") != null && dataOf("billing") != null);
    settle(configMaps, "shop", "billing");

    List<ConfigMap> all = admin.configMaps().inAnyNamespace().list().getItems();
    assertThat(all).hasSize(2);
    String everything = Serialization.asJson(all);
    assertThat(everything).contains("redis-sessions-auth").doesNotContain(PASSWORD);
  }

  @Test
  void badOptionsAreRefusedClearly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigMapDirectoryOptions.builder().maxDataBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDataBytes must be 1-1048576, got 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigMapDirectoryOptions.builder().maxDataBytes(2 * 1024 * 1024).build())
        .hasMessageContaining("maxDataBytes must be 1-1048576");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConfigMapDirectoryOptions.builder()
                    .timing(
                        Duration.ofMillis(-1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("batchDelay must be zero or more");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConfigMapDirectoryOptions.builder()
                    .timing(
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("maxBackoff PT1S is shorter than minBackoff PT2S");
  }

  @Test
  void startingTwiceIsRefused() {
    ConfigMapDirectory configMaps = start(options());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> configMaps.start(java.util.stream.Stream.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");
  }
}
