package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.redisinfo.info.Info;
import io.redisinfo.shard.ShardRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of each shard's latest full INFO, rendered once per poll instead of once per request: a
 * shard's INFO changes every few seconds but may be read thousands of times a second, and encoding
 * its ~5 KB of strings was the largest cost of a {@code /v1/info} request. Holds one entry per
 * shard; entries of removed shards are dropped as new ones come.
 */
final class InfoJsonCache {
  private record Rendered(Info info, SerializableString json) {}

  private final ShardRegistry registry;
  private final ConcurrentHashMap<String, Rendered> byShard = new ConcurrentHashMap<>();

  InfoJsonCache(ShardRegistry registry) {
    this.registry = registry;
  }

  /** The JSON object of {@code info}, the INFO now published for {@code shardId}. */
  SerializableString get(String shardId, Info info) {
    Rendered rendered = byShard.get(shardId);
    if (rendered != null && rendered.info() == info) {
      return rendered.json();
    }
    // Two requests may render the same INFO at once; either result is right.
    rendered = new Rendered(info, render(info));
    byShard.put(shardId, rendered);
    if (byShard.size() > registry.size() + 16) {
      byShard.keySet().removeIf(id -> registry.get(id).isEmpty());
    }
    return rendered.json();
  }

  int size() {
    return byShard.size();
  }

  private static SerializableString render(Info info) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    try (JsonGenerator json = Json.generator(buffer)) {
      InfoJson.write(json, info, Set.of(), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render INFO as JSON", e);
    }
    SerializedString json = new SerializedString(buffer.toString(StandardCharsets.UTF_8));
    json.asUnquotedUTF8(); // encode now, once, rather than on the first request that writes it
    return json;
  }
}
