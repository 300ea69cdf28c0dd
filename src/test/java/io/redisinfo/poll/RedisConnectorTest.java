package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectorTest {
  @org.junit.jupiter.api.extension.RegisterExtension
  static final io.redisinfo.testing.RedisServers redis =
      io.redisinfo.testing.RedisServers.perClass();

  private static io.lettuce.core.api.StatefulRedisConnection<String, String> connect(
      RedisConnector connector, io.redisinfo.testing.RedisServer server) throws Exception {
    return connector
        .connect(
            io.redisinfo.shard.ShardSpec.of(
                "s", new io.redisinfo.shard.ShardAddress("127.0.0.1", server.port())))
        .get(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void aConnectionIsNamedAndSendsNothingElse() throws Exception {
    io.redisinfo.testing.RedisServer server = redis.start();
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(2))) {
      var connection = connect(connector, server);
      connection.close();
    }
    String stats = server.command("INFO", "commandstats");
    assertThat(stats).contains("cmdstat_client|setname:calls=1").doesNotContain("setinfo");
    // Before Redis 7.2 CLIENT SETINFO was an error, counted in the server's errorstats.
    assertThat(server.command("INFO", "errorstats")).doesNotContain("errorstat_");
  }

  /**
   * Lettuce's per-connection reply buffer starts at 8 KB instead of 64 KB (64 MiB of direct memory
   * at 1000 shards), and still takes a reply far larger than that.
   */
  @Test
  void repliesAreGatheredInASmallBufferThatGrows() throws Exception {
    io.redisinfo.testing.RedisServer server = redis.start();
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(2))) {
      var connection = connect(connector, server);
      try {
        java.lang.reflect.Field field =
            io.lettuce.core.protocol.DefaultEndpoint.class.getDeclaredField("channel");
        field.setAccessible(true);
        io.netty.channel.Channel channel =
            (io.netty.channel.Channel)
                field.get(
                    ((io.lettuce.core.RedisChannelHandler<?, ?>) connection).getChannelWriter());
        assertThat(channel.config().getAllocator()).isInstanceOf(SmallReadBufferAllocator.class);

        String large = "x".repeat(200_000);
        connection.sync().set("large", large);
        assertThat(connection.sync().get("large")).isEqualTo(large);
        assertThat(InfoCommand.everything(connection).get(5, java.util.concurrent.TimeUnit.SECONDS))
            .isNotEmpty();
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void theFirstCapacityIsCappedOnlyForABareInitialCapacity() {
    SmallReadBufferAllocator allocator =
        new SmallReadBufferAllocator(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
    io.netty.buffer.ByteBuf capped = allocator.buffer(65536);
    io.netty.buffer.ByteBuf small = allocator.buffer(100);
    io.netty.buffer.ByteBuf bounded = allocator.buffer(65536, 65536);
    try {
      assertThat(capped.capacity()).isEqualTo(SmallReadBufferAllocator.FIRST_CAPACITY);
      assertThat(capped.maxCapacity()).isEqualTo(Integer.MAX_VALUE);
      capped.writeBytes(new byte[100_000]);
      assertThat(capped.readableBytes()).isEqualTo(100_000);
      assertThat(small.capacity()).isEqualTo(100);
      assertThat(bounded.capacity()).isEqualTo(65536);
    } finally {
      capped.release();
      small.release();
      bounded.release();
    }
  }

  @Test
  void doesNotRecordCommandLatencies() {
    // Lettuce's default recorder keeps HdrHistograms per connection and command type: hundreds of
    // KB per shard (docs/BENCHMARKS.md).
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(1))) {
      assertThat(connector.resources().commandLatencyRecorder().isEnabled()).isFalse();
      assertThat(connector.resources().commandLatencyPublisherOptions().eventEmitInterval())
          .isZero();
    }
  }

  @Test
  void warmingUpContactsNoServerAndGivesUpQuickly() throws Exception {
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(30))) {
      // Far within the 30 s connect and command timeouts: the silent socket is closed at once,
      // so the attempt fails on its own instead of waiting for a reply.
      assertThat(connector.warmUp().get(10, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }
  }

  /**
   * Connects are paced: against a server that accepts and never answers (so each handshake hangs
   * for the long timeout), only as many connections are made as the connector allows; when that
   * server goes away, every waiting connect is made in turn and ends.
   */
  @Test
  void connectsArePacedAndAllEnd() throws Exception {
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<java.net.Socket> sockets =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(20), 2)) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!silent.isClosed()) {
                  try {
                    sockets.add(silent.accept()); // never read, never answered
                    accepted.incrementAndGet();
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      java.util.List<java.util.concurrent.CompletableFuture<?>> connects =
          new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        connects.add(
            connector.connect(
                io.redisinfo.shard.ShardSpec.of(
                    "s" + i,
                    new io.redisinfo.shard.ShardAddress("127.0.0.1", silent.getLocalPort()))));
      }

      org.awaitility.Awaitility.await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(10))
          .until(() -> accepted.get() == 2);

      silent.close();
      synchronized (sockets) {
        for (java.net.Socket socket : sockets) {
          socket.close();
        }
      }
      for (var connect : connects) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> connect.get(30, java.util.concurrent.TimeUnit.SECONDS))
            .isInstanceOf(java.util.concurrent.ExecutionException.class);
      }
      assertThat(connector.connectsInFlight()).isZero();
    } finally {
      silent.close();
    }
  }
}
