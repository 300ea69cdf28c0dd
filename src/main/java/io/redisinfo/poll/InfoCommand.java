package io.redisinfo.poll;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * {@code INFO everything} (or an older server's {@link InfoSection}), with the reply decoded by the
 * connection's codec. Lettuce's own {@code info(section)} reads the reply into a status output,
 * which decodes through a {@code CharsetDecoder} loop whatever the codec: 19 % of the event loops'
 * CPU at 2000 polls/s (docs/BENCHMARKS.md). Our output decodes with {@link
 * FastDecodingStringCodec}.
 */
final class InfoCommand {
  private InfoCommand() {}

  static CompletableFuture<String> everything(StatefulRedisConnection<String, String> connection) {
    return run(connection, InfoSection.EVERYTHING);
  }

  static CompletableFuture<String> run(
      StatefulRedisConnection<String, String> connection, InfoSection section) {
    return dispatch(connection, section).toCompletableFuture().thenApply(Reply::take);
  }

  /** The command itself, whose result is the box the reply is taken from. */
  static RedisFuture<Reply> dispatch(StatefulRedisConnection<String, String> connection) {
    return dispatch(connection, InfoSection.EVERYTHING);
  }

  private static RedisFuture<Reply> dispatch(
      StatefulRedisConnection<String, String> connection, InfoSection section) {
    CommandArgs<String, String> args = new CommandArgs<>(FastDecodingStringCodec.INSTANCE);
    if (section.argument() != null) {
      args.add(section.argument());
    }
    return connection.async().dispatch(CommandType.INFO, new ReplyOutput(), args);
  }

  /**
   * The reply text, handed over once. Lettuce's command-timeout task keeps each completed command
   * (and so its result) until the timeout would have fired: with a plain value output that was one
   * ~5 KB INFO text per poll of the last two seconds, 3-6 KB of heap per shard (heap dump,
   * docs/BENCHMARKS.md). The command now keeps only this emptied box.
   */
  static final class Reply {
    private String text;

    synchronized String take() {
      String taken = text;
      text = null;
      return taken;
    }

    synchronized void set(String value) {
      text = value;
    }
  }

  private static final class ReplyOutput extends CommandOutput<String, String, Reply> {
    ReplyOutput() {
      super(FastDecodingStringCodec.INSTANCE, new Reply());
    }

    @Override
    public void set(ByteBuffer bytes) {
      output.set(bytes == null ? null : codec.decodeValue(bytes));
    }
  }
}
