package io.redisinfo.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes directory entries as JSON and computes their {@code version}. */
public final class DirectoryJson {
  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final ObjectMapper canonical =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /** The entry as compact JSON, fields in the documented order. */
  public String write(DirectoryEntry entry) {
    try {
      return mapper.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("directory entry " + entry.key() + " is not JSON-able", e);
    }
  }

  /**
   * The first 16 hex digits of the SHA-256 of the entry's canonical JSON without {@code version}
   * (keys sorted at every level, config included). Equal content gives an equal version whatever
   * the order the config was written in; any change of content gives another version.
   */
  public String version(DirectoryEntry entry) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = canonical.convertValue(entry, LinkedHashMap.class);
    tree.remove("version");
    try {
      byte[] json = canonical.writeValueAsBytes(tree);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("directory entry " + entry.key() + " is not JSON-able", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** {@code entry} with its {@link #version} set. */
  public DirectoryEntry versioned(DirectoryEntry entry) {
    return entry.withVersion(version(entry));
  }
}
