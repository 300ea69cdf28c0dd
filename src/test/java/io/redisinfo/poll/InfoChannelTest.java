package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.protocol.CommandEncoder;
import io.lettuce.core.protocol.RedisProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoText;
import io.redisinfo.shard.PollingRange;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * INFO through the connection's own handler: the bytes it writes, replies however they are split
 * into reads, error and nil replies, garbage, a connection closing under an INFO, and against a
 * real redis-server, that polls after the first really go this way and give what Lettuce gives.
 */
class InfoChannelTest {
  @RegisterExtension static final RedisServers redis = RedisServers.perClass();

  /** What the next handler (Lettuce's CommandHandler in real life) was passed. */
  private final List<Object> passedOn = new ArrayList<>();

  private final List<String> replies = new ArrayList<>();

  private final Function<ByteBuffer, ReplyParser.Parsed> reader =
      bytes -> {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        replies.add(new String(copy, StandardCharsets.UTF_8));
        return new ReplyParser.Parsed(Info.empty(), false);
      };

  private EmbeddedChannel channel() {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new CommandEncoder(),
            new InfoChannel(),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                passedOn.add(msg instanceof ByteBuf b ? b.toString(StandardCharsets.UTF_8) : msg);
                io.netty.util.ReferenceCountUtil.release(msg);
              }
            });
    return channel;
  }

  private static InfoChannel handler(EmbeddedChannel channel) {
    return (InfoChannel) channel.pipeline().get(InfoChannel.class);
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  private static String written(EmbeddedChannel channel) {
    ByteBuf out = channel.readOutbound();
    try {
      return out.toString(StandardCharsets.US_ASCII);
    } finally {
      out.release();
    }
  }

  private static String bulk(String text) {
    return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
  }

  @Test
  void writesTheCommandForEachSection() {
    EmbeddedChannel channel = channel();
    InfoChannel handler = handler(channel);

    handler.info(InfoSection.EVERYTHING, reader);
    assertThat(written(channel)).isEqualTo("*2\r\n$4\r\nINFO\r\n$10\r\neverything\r\n");
    channel.writeInbound(bytes("$-1\r\n"));
    handler.info(InfoSection.ALL, reader);
    assertThat(written(channel)).isEqualTo("*2\r\n$4\r\nINFO\r\n$3\r\nall\r\n");
    channel.writeInbound(bytes("$-1\r\n"));
    handler.info(InfoSection.DEFAULT, reader);
    assertThat(written(channel)).isEqualTo("*1\r\n$4\r\nINFO\r\n");
    channel.finishAndReleaseAll();
  }

  @Test
  void aReplyIsReadWholeHoweverItIsSplitIntoReads() throws Exception {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    byte[] reply = bulk(text).getBytes(StandardCharsets.UTF_8);
    EmbeddedChannel channel = channel();
    InfoChannel handler = handler(channel);
    for (int split = 1; split < reply.length; split += split < 40 ? 1 : 97) {
      CompletableFuture<ReplyParser.Parsed> result = handler.info(InfoSection.EVERYTHING, reader);
      written(channel).length();
      channel.writeInbound(Unpooled.wrappedBuffer(reply, 0, split));
      assertThat(result).as("after %d of %d bytes", split, reply.length).isNotDone();
      channel.writeInbound(Unpooled.wrappedBuffer(reply, split, reply.length - split));
      assertThat(result.get(1, TimeUnit.SECONDS)).isNotNull();
      assertThat(replies.remove(0)).isEqualTo(text);
    }
    // In three reads, and in one.
    CompletableFuture<ReplyParser.Parsed> three = handler.info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(Unpooled.wrappedBuffer(reply, 0, 3));
    channel.writeInbound(Unpooled.wrappedBuffer(reply, 3, 1000));
    channel.writeInbound(Unpooled.wrappedBuffer(reply, 1003, reply.length - 1003));
    assertThat(three.get(1, TimeUnit.SECONDS)).isNotNull();
    CompletableFuture<ReplyParser.Parsed> one = handler.info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(Unpooled.wrappedBuffer(reply));
    assertThat(one.get(1, TimeUnit.SECONDS)).isNotNull();
    assertThat(replies).containsExactly(text, text);
    assertThat(passedOn).as("nothing reaches Lettuce once bound").isEmpty();
    assertThat(channel.finishAndReleaseAll()).isTrue(); // the written commands
  }

  @Test
  void theParsedReplyIsTheParsersOwn() throws Exception {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    ReplyParser parser = new ReplyParser(new InfoParser());
    InfoText last = new InfoText();
    EmbeddedChannel channel = channel();
    CompletableFuture<ReplyParser.Parsed> result =
        handler(channel).info(InfoSection.EVERYTHING, b -> parser.parse(b, null, last));
    channel.writeInbound(bytes(bulk(text)));
    assertThat(result.get(1, TimeUnit.SECONDS).info().sections())
        .isEqualTo(new InfoParser().parse(text).sections());
    channel.finishAndReleaseAll();
  }

  @Test
  void anErrorReplyFailsTheInfoAsLettuceWouldAndTheConnectionStaysUsable() throws Exception {
    EmbeddedChannel channel = channel();
    InfoChannel handler = handler(channel);
    CompletableFuture<ReplyParser.Parsed> refused = handler.info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(bytes("-ERR syntax error\r\n"));

    assertThatThrownBy(() -> refused.get(1, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RedisCommandExecutionException.class)
        .hasMessage("ERR syntax error");
    assertThat(InfoSection.isRefusedArgument(PollErrors.unwrap(refused.handle((r, e) -> e).get())))
        .isTrue();

    CompletableFuture<ReplyParser.Parsed> next = handler.info(InfoSection.ALL, reader);
    channel.writeInbound(bytes(bulk("# Server\r\nredis_version:2.8.0\r\n")));
    assertThat(next.get(1, TimeUnit.SECONDS)).isNotNull();
    assertThat(channel.isActive()).isTrue();
    channel.finishAndReleaseAll();
  }

  @Test
  void aNilReplyGivesNull() throws Exception {
    EmbeddedChannel channel = channel();
    CompletableFuture<ReplyParser.Parsed> result =
        handler(channel).info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(bytes("$-1\r\n"));
    assertThat(result.get(1, TimeUnit.SECONDS)).isNull();
    channel.finishAndReleaseAll();
  }

  @Test
  void somethingThatIsNoReplyFailsTheInfoAndClosesTheConnection() {
    for (String garbage :
        List.of("HTTP/1.1 400 Bad Request\r\n\r\n", "$12x\r\n", ":1\r\n", "$99999999999\r\n")) {
      EmbeddedChannel channel = channel();
      CompletableFuture<ReplyParser.Parsed> result =
          handler(channel).info(InfoSection.EVERYTHING, reader);
      channel.writeInbound(bytes(garbage));

      assertThat(result)
          .as(garbage)
          .failsWithin(Duration.ofSeconds(1))
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(RedisProtocolException.class)
          .withMessageContaining("not a reply to INFO");
      assertThat(channel.isActive()).as(garbage).isFalse();
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void aConnectionClosingUnderAnInfoFailsIt() {
    EmbeddedChannel channel = channel();
    CompletableFuture<ReplyParser.Parsed> result =
        handler(channel).info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(bytes("$5000\r\n# Server\r\n"));
    channel.close();

    assertThat(result)
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(RedisException.class)
        .withMessage("Connection closed");
    assertThat(channel.isActive()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void aSecondInfoWhileOneIsInFlightFailsAtOnce() throws Exception {
    EmbeddedChannel channel = channel();
    InfoChannel handler = handler(channel);
    CompletableFuture<ReplyParser.Parsed> first = handler.info(InfoSection.EVERYTHING, reader);
    CompletableFuture<ReplyParser.Parsed> second = handler.info(InfoSection.EVERYTHING, reader);

    assertThat(second).isCompletedExceptionally();
    channel.writeInbound(bytes(bulk("# Server\r\n")));
    assertThat(first.get(1, TimeUnit.SECONDS)).isNotNull();
    channel.finishAndReleaseAll();
  }

  @Test
  void untilItSendsAnInfoEverythingPassesToLettuceAndAfterwardsNothingUnaskedDoes() {
    EmbeddedChannel channel = channel();
    channel.writeInbound(bytes("+OK\r\n")); // the handshake's replies
    assertThat(passedOn).containsExactly("+OK\r\n");

    InfoChannel handler = handler(channel);
    CompletableFuture<ReplyParser.Parsed> result = handler.info(InfoSection.EVERYTHING, reader);
    channel.writeInbound(bytes(bulk("# Server\r\n") + bulk("# Late\r\n")));
    channel.writeInbound(bytes(bulk("# Unasked\r\n")));

    assertThat(result).isCompleted();
    assertThat(replies).containsExactly("# Server\r\n");
    assertThat(passedOn).containsExactly("+OK\r\n");
    assertThat(channel.isActive()).isTrue();
    channel.finishAndReleaseAll();
  }

  @Test
  void pollsAfterTheFirstGoThroughTheHandlerAndReadTheServersInfo() throws Exception {
    RedisServer server = redis.start();
    ShardRegistry registry = new ShardRegistry(Duration.ofMillis(200));
    ShardSpec spec = ShardSpec.of("s", new ShardAddress("127.0.0.1", server.port()));
    PollerOptions options =
        PollerOptions.builder()
            .range(new PollingRange(Duration.ofMillis(50), Duration.ofMillis(100)))
            .timeout(Duration.ofSeconds(2))
            .build();
    try (AdaptivePoller poller = new AdaptivePoller(registry, options, PollObserver.NONE)) {
      poller.start();
      registry.put("test", spec);
      Shard shard = registry.get("s").orElseThrow();
      await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().polls() >= 5);
      long before = shard.snapshot().info().getLong("total_commands_processed");
      await().atMost(Duration.ofSeconds(10)).until(() -> shard.snapshot().polls() >= 10);

      assertThat(shard.snapshot().reachable()).isTrue();
      assertThat(shard.snapshot().info().getString("run_id")).isNotBlank();
      assertThat(shard.snapshot().info().sections()).containsKeys("server", "commandstats");
      // Each INFO the handler sent reached the server as one INFO command.
      assertThat(shard.snapshot().info().getLong("total_commands_processed")).isGreaterThan(before);
      assertThat(poller.infoChannelsBound()).isEqualTo(1);
    }
  }
}
