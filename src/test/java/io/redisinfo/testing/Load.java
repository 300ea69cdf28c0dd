package io.redisinfo.testing;

import java.io.IOException;
import java.util.List;

/** A steady write load on a test server from {@code redis-benchmark}; stop it with close(). */
public final class Load implements AutoCloseable {
  private final Process process;

  private Load(Process process) {
    this.process = process;
  }

  /** Starts SET/INCR commands on random keys, with pipelining, until closed. */
  public static Load on(RedisServer server) {
    return run(server, "-r", "1000", "-t", "set,incr");
  }

  /**
   * Starts SETs of {@code valueBytes}-byte values on {@code keys} random keys until closed: fills a
   * server's memory (to make it evict, for instance).
   */
  public static Load filling(RedisServer server, int keys, int valueBytes) {
    return run(
        server, "-r", Integer.toString(keys), "-d", Integer.toString(valueBytes), "-t", "set");
  }

  private static Load run(RedisServer server, String... workload) {
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            "redis-benchmark",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(server.port()),
            "-c",
            "2",
            "-P",
            "4",
            "-n",
            "100000000",
            "-q"));
    command.addAll(List.of(workload));
    try {
      return new Load(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run redis-benchmark (package redis-tools)", e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
