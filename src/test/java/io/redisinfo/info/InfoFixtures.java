package io.redisinfo.info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the INFO texts under {@code src/test/resources/info/}. */
public final class InfoFixtures {
  /** Captured from a real redis-server 7 by {@code capture.sh}. */
  public static final String REDIS7_MASTER = "redis7-master.txt";

  public static final String REDIS7_REPLICA = "redis7-replica.txt";
  public static final String REDIS7_KEYSPACE_STATS = "redis7-keyspace-stats.txt";
  public static final String REDIS7_MAXMEMORY = "redis7-maxmemory.txt";

  private InfoFixtures() {}

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
