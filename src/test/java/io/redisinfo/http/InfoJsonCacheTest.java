package io.redisinfo.http;

import static io.redisinfo.http.Fixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.info.Info;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InfoJsonCacheTest {
  private final ShardRegistry registry = new ShardRegistry(Duration.ofSeconds(1));
  private final InfoJsonCache cache = new InfoJsonCache(registry);

  private static String streamed(Info info) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.generator(out)) {
      InfoJson.write(json, info, Set.of(), List.of());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersTheSameJsonAsStreamingAndReusesItForTheSameInfo() throws IOException {
    Info info = info("master", 100);

    String cached = cache.get("a", info).getValue();

    assertThat(cached).isEqualTo(streamed(info)).contains("\"used_memory\":100");
    assertThat(cache.get("a", info)).isSameAs(cache.get("a", info));
  }

  @Test
  void rendersAgainWhenTheShardHasNewInfo() {
    cache.get("a", info("master", 100));

    assertThat(cache.get("a", info("master", 200)).getValue()).contains("\"used_memory\":200");
  }

  @Test
  void dropsEntriesOfRemovedShards() {
    registry.put("test", ShardSpec.of("kept", new ShardAddress("localhost", 6379)));
    Info info = info("master", 1);
    for (int i = 0; i < 100; i++) {
      cache.get("gone-" + i, info);
    }
    cache.get("kept", info);

    assertThat(cache.size()).isLessThanOrEqualTo(registry.size() + 17);
  }
}
