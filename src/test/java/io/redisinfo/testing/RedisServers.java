package io.redisinfo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts real {@code redis-server} processes on free loopback ports and
 * stops every one it started, after each test ({@link #perTest()}, on an instance field) or after
 * the class ({@link #perClass()}, on a static field).
 *
 * <pre>{@code @RegisterExtension final RedisServers redis = RedisServers.perTest();
 * RedisServer server = redis.start("requirepass", "secret");}</pre>
 */
public final class RedisServers implements AfterEachCallback, AfterAllCallback {
  private final List<RedisServer> started = new ArrayList<>();
  private final boolean stopAfterEach;
  private Path dir;

  private RedisServers(boolean stopAfterEach) {
    this.stopAfterEach = stopAfterEach;
  }

  public static RedisServers perTest() {
    return new RedisServers(true);
  }

  public static RedisServers perClass() {
    return new RedisServers(false);
  }

  public synchronized RedisServer start(String... settings) {
    RedisServer server = RedisServer.start(dir(), settings);
    started.add(server);
    return server;
  }

  /** Starts another Redis version (see {@link RedisBinaries}). */
  public synchronized RedisServer start(RedisBinaries binary, String... settings) {
    RedisServer server = RedisServer.start(binary.path(), dir(), settings);
    started.add(server);
    return server;
  }

  private Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("redis-test-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return dir;
  }

  public synchronized void stopAll() {
    for (RedisServer server : started) {
      server.close();
    }
    started.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (stopAfterEach) {
      stopAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopAll();
  }
}
