package io.redisinfo.k8s.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryEntryBuilder;
import io.redisinfo.directory.DirectoryJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapPlannerTest {
  private final DirectoryJson json = new DirectoryJson();
  private final DirectoryEntryBuilder builder = new DirectoryEntryBuilder(json);

  private DirectoryEntry entry(String name, Map<String, Object> config) {
    return builder.build(ConfigMapDirectoryTest.endpointComponent("shop", name, config), List.of());
  }

  private static long size(Map<String, String> data) {
    long size = 0;
    for (Map.Entry<String, String> e : data.entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }

  @Test
  void keysAreComponentDotJsonAndValuesTheEntryJson() {
    DirectoryEntry statistics = entry("statistics", Map.of("retention", "7d"));

    ConfigMapPlan plan =
        new ConfigMapPlanner(
                json, ConfigMapDirectoryOptions.MAX_CONFIGMAP_DATA_BYTES, "redis-directory")
            .plan(List.of(statistics));

    assertThat(plan.data())
        .containsExactlyEntriesOf(Map.of("statistics.json", json.write(statistics)));
    assertThat(plan.leftOut()).isEmpty();
  }

  @Test
  void atTheRealOneMebibyteLimitAnEntryThatWouldPassItIsLeftOutAndLaterOnesStillTried() {
    // Three entries of ~400 KiB (multi-byte characters count as bytes) and one small one.
    String blob = "é".repeat(200 * 1024);
    DirectoryEntry a = entry("a", Map.of("blob", blob));
    DirectoryEntry b = entry("b", Map.of("blob", blob));
    DirectoryEntry c = entry("c", Map.of("blob", blob));
    DirectoryEntry d = entry("d", Map.of());

    ConfigMapPlan plan =
        new ConfigMapPlanner(
                json, ConfigMapDirectoryOptions.MAX_CONFIGMAP_DATA_BYTES, "redis-directory")
            .plan(List.of(d, c, b, a));

    assertThat(plan.data()).containsOnlyKeys("a.json", "b.json", "d.json");
    assertThat(size(plan.data())).isLessThanOrEqualTo(1024 * 1024);
    assertThat(plan.leftOut()).containsOnlyKeys("shop/c");
    assertThat(plan.leftOut().get("shop/c"))
        .matches(
            "the directory entry \\(\\d+ bytes\\) does not fit in ConfigMap redis-directory: "
                + "\\d+ of its 1048576 bytes are used by other entries");
  }

  @Test
  void exactlyAtTheLimitFits() {
    DirectoryEntry a = entry("a", Map.of());
    long exact = "a.json".length() + json.write(a).getBytes(StandardCharsets.UTF_8).length;

    assertThat(
            new ConfigMapPlanner(json, (int) exact, "redis-directory").plan(List.of(a)).leftOut())
        .isEmpty();
    assertThat(
            new ConfigMapPlanner(json, (int) exact - 1, "redis-directory")
                .plan(List.of(a))
                .leftOut())
        .containsOnlyKeys("shop/a");
  }

  @Test
  void aNonPositiveLimitIsRefused() {
    assertThatThrownBy(() -> new ConfigMapPlanner(json, 0, "redis-directory"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDataBytes must be positive, got 0");
  }
}
