package io.redisinfo.poll;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.event.DefaultEventPublisherOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.redisinfo.shard.Credentials;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.shard.TlsMaterial;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens one Lettuce connection per shard over one shared {@link ClientResources} (event loops and
 * timers shared by every shard). Reconnects are the poller's job, not Lettuce's, so a lost
 * connection shows up as an error of the next poll and is retried on the poller's backoff.
 */
public final class RedisConnector implements AutoCloseable {
  public static final String CLIENT_NAME = "redis-info-operator";

  /** Enough to keep two event loops busy, few enough that handshakes do not pile up. */
  static final int DEFAULT_CONNECTS_IN_FLIGHT = 128;

  /** Replies are gathered in a buffer of 8 KB, not Lettuce's 64 KB, per connection. */
  private static final SmallReadBufferAllocator READ_BUFFERS =
      new SmallReadBufferAllocator(ByteBufAllocator.DEFAULT);

  private final SleepingTimer timer;
  private final ClientResources resources;
  private final RedisClient client;
  private final Duration timeout;

  /**
   * One client per distinct TLS material, sharing the event loops: Lettuce reads SSL options from
   * the client, not the connection. Weak keys: a client is dropped once no shard spec holds its
   * material any more (after a rotation), without closing connections it may still serve; its
   * resources are the shared ones, so there is nothing of its own to shut down.
   */
  private final Map<TlsMaterial, RedisClient> tlsClients = new WeakHashMap<>();

  /** Connects allowed at once; the others wait in {@link #pendingConnects}, in order. */
  private final int maxConnectsInFlight;

  private final java.util.ArrayDeque<Runnable> pendingConnects = new java.util.ArrayDeque<>();
  private int connectsInFlight;

  public RedisConnector(Duration timeout) {
    this(timeout, DEFAULT_CONNECTS_IN_FLIGHT);
  }

  /**
   * @param maxConnectsInFlight connects made at once (the rest wait their turn)
   */
  RedisConnector(Duration timeout, int maxConnectsInFlight) {
    if (maxConnectsInFlight < 1) {
      throw new IllegalArgumentException("maxConnectsInFlight must be at least 1");
    }
    this.maxConnectsInFlight = maxConnectsInFlight;
    this.timeout = timeout;
    // Lettuce's timer now only bounds connects and handshakes: one whose thread sleeps until a
    // deadline is due, not Netty's wheel, which ticks for ever after the first connect.
    this.timer = new SleepingTimer("redisinfo-connect-timer");
    this.resources =
        DefaultClientResources.builder()
            .timer(timer)
            // Lettuce records every command's latency in HdrHistograms (about 60 KB per command
            // type and connection) when LatencyUtils is on the classpath, as it is here through
            // Micrometer: 700 KB of heap per shard for numbers nobody reads. The poller times
            // its own polls.
            .commandLatencyRecorder(CommandLatencyRecorder.disabled())
            .commandLatencyPublisherOptions(DefaultEventPublisherOptions.disabled())
            .nettyCustomizer(
                new NettyCustomizer() {
                  @Override
                  public void afterBootstrapInitialized(Bootstrap bootstrap) {
                    bootstrap.option(ChannelOption.ALLOCATOR, READ_BUFFERS);
                  }

                  @Override
                  public void afterChannelInitialized(Channel channel) {
                    InfoChannel.install(channel);
                  }
                })
            .build();
    this.client = RedisClient.create(resources);
    client.setOptions(options().build());
  }

  private ClientOptions.Builder options() {
    return ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // RESP2 works from Redis 2.8 on; HELLO (RESP3) needs 6.0.
        .protocolVersion(ProtocolVersion.RESP2)
        // No CLIENT MAINT_NOTIFICATIONS at connect: a Redis Enterprise feature that open-source
        // servers answer with an error, counted in the users' errorstats.
        .maintNotificationsConfig(MaintNotificationsConfig.disabled())
        // No command timeout of Lettuce's: a timer task per command (2000 a second at 1000 busy
        // shards) for what the poller's one periodic deadline check does (ShardPoller
        // #expireIfStuck). Connects and handshakes keep their own timeouts.
        .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build());
  }

  /** The client whose SSL options hold {@code material}: the CA to trust, the client key. */
  private RedisClient client(TlsMaterial material) {
    if (material == null) {
      return client;
    }
    synchronized (tlsClients) {
      RedisClient existing = tlsClients.get(material);
      if (existing != null) {
        return existing;
      }
      SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider().handshakeTimeout(timeout);
      if (material.caPem() != null) {
        ssl.trustManager(pem(material.caPem()));
      }
      if (material.hasClientCertificate()) {
        ssl.keyManager(pem(material.certPem()), pem(material.keyPem()), null);
      }
      RedisClient created = RedisClient.create(resources);
      created.setOptions(options().sslOptions(ssl.build()).build());
      tlsClients.put(material, created);
      return created;
    }
  }

  private static SslOptions.Resource pem(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return () -> new ByteArrayInputStream(bytes);
  }

  /** Connects being made now (for tests). */
  int connectsInFlight() {
    synchronized (pendingConnects) {
      return connectsInFlight;
    }
  }

  /** The shared event loops and timers (for tests). */
  ClientResources resources() {
    return resources;
  }

  /** Connects, authenticates and names the connection; fails within about the timeout. */
  public CompletableFuture<StatefulRedisConnection<String, String>> connect(ShardSpec spec) {
    CompletableFuture<StatefulRedisConnection<String, String>> result = new CompletableFuture<>();
    Runnable start =
        () -> {
          CompletableFuture<StatefulRedisConnection<String, String>> attempt = connectNow(spec);
          // Lettuce bounds the connect and the handshake itself; this keeps a slot from being
          // held forever should one never end.
          CompletableFuture<StatefulRedisConnection<String, String>> bounded =
              attempt.copy().orTimeout(timeout.toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
          attempt.whenComplete(
              (connection, error) -> {
                if (connection != null && bounded.isCompletedExceptionally()) {
                  connection.closeAsync(); // too late: nobody waits for it any more
                }
              });
          bounded.whenComplete(
              (connection, error) -> {
                releaseConnectSlot();
                if (error != null) {
                  result.completeExceptionally(error);
                } else {
                  result.complete(connection);
                }
              });
        };
    boolean now;
    synchronized (pendingConnects) {
      now = connectsInFlight < maxConnectsInFlight;
      if (now) {
        connectsInFlight++;
      } else {
        pendingConnects.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return result;
  }

  /**
   * A finished connect makes room for the next one waiting. Connects are paced so that at start-up
   * a thousand handshakes do not queue on the two event loops at once: each connect's own timeout
   * then runs only while it really is being made, and the INFOs of shards already connected are not
   * stuck behind the rest (which once made healthy shards time out on their first poll).
   */
  private void releaseConnectSlot() {
    Runnable next;
    synchronized (pendingConnects) {
      next = pendingConnects.poll();
      if (next == null) {
        connectsInFlight--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  private CompletableFuture<StatefulRedisConnection<String, String>> connectNow(ShardSpec spec) {
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(spec.address().host())
            .withPort(spec.address().port())
            .withTimeout(timeout)
            .withClientName(CLIENT_NAME)
            // No CLIENT SETINFO lib-name/lib-ver: two more commands per connect, and servers
            // before Redis 7.2 answer each with an error that lands in the users' errorstats.
            .withLibraryName("")
            .withLibraryVersion("")
            .withSsl(spec.tls());
    if (spec.tls()) {
      // Pods are reached by IP, which their certificates rarely name: check the chain only.
      uri.withVerifyPeer(SslVerifyMode.CA);
    }
    Credentials credentials = spec.credentials();
    if (credentials.hasPassword()) {
      if (credentials.username() == null) {
        // No user: plain AUTH <password>, which Redis before 6 also understands.
        uri.withPassword(credentials.password().toCharArray());
      } else {
        uri.withAuthentication(credentials.username(), credentials.password().toCharArray());
      }
    }
    RedisClient chosen;
    try {
      chosen = client(spec.tls() ? credentials.tls() : null);
    } catch (RuntimeException e) {
      // Unreadable PEM: a failed poll that says so, not an exception on the poller's thread.
      return CompletableFuture.failedFuture(
          new javax.net.ssl.SSLException("the TLS material cannot be used: " + e.getMessage(), e));
    }
    return chosen.connectAsync(FastDecodingStringCodec.INSTANCE, uri.build()).toCompletableFuture();
  }

  /**
   * Runs Lettuce's and Netty's connect path once, cold, before any shard needs it: the first
   * connect of a process loads a few thousand classes and builds Lettuce's command proxies (about a
   * second on two cores), and every first poll queued behind it waits that long. The attempt goes
   * to a loopback socket of our own that never answers (closed right after the connect is issued),
   * so no server sees it; it fails fast, and the failure is the expected outcome.
   *
   * @return the attempt, completed (normally or not) once Lettuce has given up on it
   */
  CompletableFuture<Void> warmUp() {
    CompletableFuture<StatefulRedisConnection<String, String>> attempt;
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String host = silent.getInetAddress().getHostAddress();
      attempt = connect(ShardSpec.of("warm-up", new ShardAddress(host, silent.getLocalPort())));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.completedFuture(null); // only a lost head start
    }
    return attempt.handle(
        (connection, error) -> {
          if (connection != null) {
            connection.closeAsync();
          }
          return null;
        });
  }

  @Override
  public void close() {
    synchronized (tlsClients) {
      for (RedisClient tlsClient : tlsClients.values()) {
        tlsClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
      tlsClients.clear();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    timer.stop(); // ours: the resources do not stop a timer they were given
  }
}
