package io.redisinfo.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryJsonTest {
  private final DirectoryJson json = new DirectoryJson();

  private static DirectoryEntry entry(Map<String, Object> config, int port) {
    return new DirectoryEntry(
        "redis",
        "shop",
        "cache",
        "cache",
        "redis",
        port,
        0,
        false,
        null,
        null,
        "redis://redis:" + port + "/0",
        null,
        config,
        null);
  }

  @Test
  void versionDoesNotDependOnConfigKeyOrder() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", Map.of("y", 2, "x", List.of(1, 2)));
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", Map.of("x", List.of(1, 2), "y", 2));
    ba.put("a", 1);

    assertThat(json.version(entry(ab, 6379))).isEqualTo(json.version(entry(ba, 6379)));
  }

  @Test
  void versionChangesWithAnyContentButNotWithItself() {
    String base = json.version(entry(Map.of("a", 1), 6379));

    assertThat(json.version(entry(Map.of("a", 2), 6379))).isNotEqualTo(base);
    assertThat(json.version(entry(Map.of("a", 1), 6380))).isNotEqualTo(base);
    assertThat(json.version(entry(Map.of("a", 1), 6379).withVersion("whatever"))).isEqualTo(base);
  }

  @Test
  void writeKeepsTheDocumentedOrderAndOmitsPodsOfEndpoints() {
    String text = json.write(json.versioned(entry(Map.of(), 6379)));

    assertThat(text).startsWith("{\"type\":\"redis\",\"namespace\":\"shop\"");
    assertThat(text).doesNotContain("pods").contains("\"config\":{},\"version\":\"");
  }
}
