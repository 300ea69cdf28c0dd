package io.redisinfo.info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the INFO texts under {@code src/test/resources/info/}. */
public final class InfoFixtures {
  /** Captured from a real redis-server 7 by {@code capture.sh}. */
  public static final String REDIS7_MASTER = "redis7-master.txt";

  public static final String REDIS7_REPLICA = "redis7-replica.txt";
  public static final String REDIS7_KEYSPACE_STATS = "redis7-keyspace-stats.txt";
  public static final String REDIS7_MAXMEMORY = "redis7-maxmemory.txt";

  private InfoFixtures() {}

  /**
   * {@code base} (a fixture) as the next reply of the same server may differ from it: values, line
   * ends, headers, keys added, removed or renamed (at the same length too), malformed and resumed
   * sections, lines before any header or after the last, a reply cut short, none at all.
   */
  static List<String> changesOf(String base) {
    String firstKeyLine = base.substring(base.indexOf("redis_version"), base.indexOf("\r\n", 20));
    return List.of(
        base,
        base.replace("total_commands_processed:10\r\n", "total_commands_processed:41\r\n")
            .replace("role:master", "role:slave"),
        base.replace("\r\n", "\n"),
        base.replace("# Server", "# SERVER"),
        base.replace("# Server", "# Servers"),
        base.replace("# Memory\r\n", "# Memory\r\nadded_first:1\r\n"),
        base.replace("# Memory\r\n", "added_last:1\r\n# Memory\r\n"),
        base.replace(firstKeyLine + "\r\n", ""),
        base.replace(firstKeyLine, firstKeyLine.replace("redis_version", "valkey_version")),
        // Same length, same position: only the bytes tell them apart.
        base.replace(firstKeyLine, firstKeyLine.replace("redis_version", "redis_versiom")),
        base.replace(firstKeyLine, firstKeyLine + " "),
        base.replace(firstKeyLine, " " + firstKeyLine),
        base.replace("used_memory:", "used_Memory:"),
        base.replace("used_memory:", "used_memory::"),
        base.replace("used_memory:", "used_memory"),
        base.replace("# Memory\r\n", "# Memory\r\nnot a key value line\r\n"),
        base.replace("# Memory\r\n", "# Memory\r\n\r\n"),
        base.replace("# Memory\r\n", "# Memory\r\nused_memory:1\r\n"),
        base.replace("# Memory\r\n", "# Server\r\nresumed:1\r\n# Memory\r\n"),
        base.replace("# Memory\r\n", "# Empty\r\n# Memory\r\n"),
        base.replace("# Keyspace", "# Keyspace\r\ndb9:keys=1,expires=0,avg_ttl=0"),
        "before_any_header:1\r\n" + base,
        base + "trailing:1\r\n",
        base + "# Extra\r\n",
        base.substring(0, base.length() - 2),
        base.substring(0, base.length() - 2) + "0\r\n",
        base.substring(0, base.length() - 3),
        base.substring(0, base.indexOf("# Memory")),
        "");
  }

  public static String read(String name) {
    try (InputStream in = InfoFixtures.class.getResourceAsStream("/info/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /info/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
