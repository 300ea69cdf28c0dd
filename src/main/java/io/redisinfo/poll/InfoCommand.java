package io.redisinfo.poll;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code INFO everything} (or an older server's {@link InfoSection}), with the reply kept as the
 * bytes Redis sent, which {@link io.redisinfo.info.InfoParser#parse(byte[])} reads directly.
 * Lettuce's own {@code info(section)} decodes the reply into a String through a {@code
 * CharsetDecoder} loop (19 % of the event loops' CPU at 2000 polls/s, docs/BENCHMARKS.md), and a
 * String is then read a char at a time.
 */
final class InfoCommand {
  private InfoCommand() {}

  static CompletableFuture<byte[]> everything(StatefulRedisConnection<String, String> connection) {
    return run(connection, InfoSection.EVERYTHING);
  }

  static CompletableFuture<byte[]> run(
      StatefulRedisConnection<String, String> connection, InfoSection section) {
    return dispatch(connection, section).toCompletableFuture().thenApply(Reply::take);
  }

  /** The command itself, whose result is the box the reply is taken from. */
  static RedisFuture<Reply<byte[]>> dispatch(StatefulRedisConnection<String, String> connection) {
    return dispatch(connection, InfoSection.EVERYTHING);
  }

  static RedisFuture<Reply<byte[]>> dispatch(
      StatefulRedisConnection<String, String> connection, InfoSection section) {
    return dispatch(connection, section, InfoCommand::copy);
  }

  /**
   * The command, whose reply {@code reader} reads where Lettuce hands it over, on the event loop;
   * the buffer it is given is Netty's and reused once the reader returns.
   */
  static <T> RedisFuture<Reply<T>> dispatch(
      StatefulRedisConnection<String, String> connection,
      InfoSection section,
      Function<ByteBuffer, T> reader) {
    return dispatch(connection, section, reader, null);
  }

  /**
   * {@link #dispatch(StatefulRedisConnection, InfoSection, Function)} that also hands {@code
   * onChannel} the connection's {@link InfoChannel}, on the event loop, as the command is written
   * (when the connection has one).
   */
  static <T> RedisFuture<Reply<T>> dispatch(
      StatefulRedisConnection<String, String> connection,
      InfoSection section,
      Function<ByteBuffer, T> reader,
      Consumer<InfoChannel> onChannel) {
    CommandArgs<String, String> args = new CommandArgs<>(FastDecodingStringCodec.INSTANCE);
    if (section.argument() != null) {
      args.add(section.argument());
    }
    return connection
        .async()
        .dispatch(CommandType.INFO, new ReplyOutput<>(reader, onChannel), args);
  }

  /** A command's output that wants the {@link InfoChannel} of the connection it is written on. */
  interface Binding {
    void bind(InfoChannel channel);
  }

  private static byte[] copy(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return copy;
  }

  /**
   * The reply text, handed over once. Lettuce's command-timeout task keeps each completed command
   * (and so its result) until the timeout would have fired: with a plain value output that was one
   * ~5 KB INFO text per poll of the last two seconds, 3-6 KB of heap per shard (heap dump,
   * docs/BENCHMARKS.md). The command now keeps only this emptied box.
   */
  static final class Reply<T> {
    private T value;

    synchronized T take() {
      T taken = value;
      value = null;
      return taken;
    }

    synchronized void set(T read) {
      value = read;
    }
  }

  private static final class ReplyOutput<T> extends CommandOutput<String, String, Reply<T>>
      implements Binding {
    private final Function<ByteBuffer, T> reader;
    private final Consumer<InfoChannel> onChannel;

    ReplyOutput(Function<ByteBuffer, T> reader, Consumer<InfoChannel> onChannel) {
      super(FastDecodingStringCodec.INSTANCE, new Reply<>());
      this.reader = reader;
      this.onChannel = onChannel;
    }

    @Override
    public void bind(InfoChannel channel) {
      if (onChannel != null) {
        onChannel.accept(channel);
      }
    }

    @Override
    public void set(ByteBuffer bytes) {
      output.set(bytes == null ? null : reader.apply(bytes));
    }
  }
}
