package io.redisinfo.poll;

import io.lettuce.core.RedisException;
import io.lettuce.core.internal.ExceptionFactory;
import io.lettuce.core.protocol.CommandEncoder;
import io.lettuce.core.protocol.CommandHandler;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.protocol.RedisProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.EventExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Sends INFO on a connection's own channel and reads its reply there, past Lettuce's command
 * machinery. Lettuce stays in charge of everything else: connecting, TLS, the handshake (AUTH,
 * client name), closing. The handler sits in every connection's pipeline just before Lettuce's
 * {@link CommandHandler} and lets everything through until the connection's first INFO, which goes
 * through Lettuce as before, <em>binds</em> it (see {@link InfoCommand}): from then on each INFO is
 * a pre-encoded command written as it is, and its reply is taken out of the pipeline before Lettuce
 * would see it.
 *
 * <p>Why: at 1000 busy shards Lettuce's write path (a command object, its arguments, a queue entry,
 * a promise and its listener, encoding into a pooled buffer, several handlers) took a third of the
 * event loops' CPU without the {@code write(2)} itself, and its read path copied every reply into a
 * buffer of its own before decoding it (docs/BENCHMARKS.md, stop 21). Here a poll writes a shared
 * read-only buffer and a whole reply is parsed straight from the bytes Netty read.
 *
 * <p>All state is the event loop's: {@link #info} hops there when called from elsewhere. One INFO
 * is in flight at a time, as {@link ShardPoller} asks; a second one fails at once.
 */
final class InfoChannel extends ChannelDuplexHandler {
  static final String NAME = "redisinfo-info";

  /** Longer than any INFO reply could be: a larger length is taken for a protocol error. */
  static final int LARGEST_REPLY = 64 << 20;

  /** The encoded commands, by {@link InfoSection} ordinal: shared, never released. */
  private static final ByteBuf[] COMMANDS = new ByteBuf[InfoSection.values().length];

  static {
    for (InfoSection section : InfoSection.values()) {
      String argument = section.argument();
      String resp =
          argument == null
              ? "*1\r\n$4\r\nINFO\r\n"
              : "*2\r\n$4\r\nINFO\r\n$" + argument.length() + "\r\n" + argument + "\r\n";
      byte[] bytes = resp.getBytes(StandardCharsets.US_ASCII);
      // Direct, so that the transport writes it as it is instead of copying it first.
      COMMANDS[section.ordinal()] =
          Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }
  }

  /** Adds the handler to a channel Lettuce has just set up; without Lettuce's handlers, nothing. */
  static void install(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    ChannelHandlerContext handler = pipeline.context(CommandHandler.class);
    if (handler != null && pipeline.context(CommandEncoder.class) != null) {
      pipeline.addBefore(handler.name(), NAME, new InfoChannel());
    }
  }

  private ChannelHandlerContext ctx;

  /** Where commands are written from: before Lettuce's encoder, which they need not pass. */
  private ChannelHandlerContext writeFrom;

  /** Set once Lettuce sent the connection's first INFO: every reply from then on is ours. */
  private boolean bound;

  private Pending pending;

  /** The reply so far when it came in more than one read, else null. */
  private ByteBuf cumulation;

  private record Pending(
      Function<ByteBuffer, ReplyParser.Parsed> reader,
      CompletableFuture<ReplyParser.Parsed> result) {}

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.writeFrom = ctx.pipeline().context(CommandEncoder.class);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseCumulation();
  }

  /**
   * Sends INFO for {@code section}; the result completes on the event loop with what {@code reader}
   * made of the reply (null for a nil reply), or fails with the error Lettuce would have given: a
   * {@link io.lettuce.core.RedisCommandExecutionException} for an error reply, a {@link
   * RedisException} when the connection closed, a {@link RedisProtocolException} for a reply that
   * is not one.
   */
  CompletableFuture<ReplyParser.Parsed> info(
      InfoSection section, Function<ByteBuffer, ReplyParser.Parsed> reader) {
    CompletableFuture<ReplyParser.Parsed> result = new CompletableFuture<>();
    EventExecutor loop = ctx.executor();
    if (loop.inEventLoop()) {
      send(section, reader, result);
    } else {
      try {
        loop.execute(() -> send(section, reader, result));
      } catch (RejectedExecutionException closing) {
        // The event loops are shutting down: a failed poll, not a poll that never ends.
        result.completeExceptionally(new RedisException("Connection closed", closing));
      }
    }
    return result;
  }

  private void send(
      InfoSection section,
      Function<ByteBuffer, ReplyParser.Parsed> reader,
      CompletableFuture<ReplyParser.Parsed> result) {
    if (!ctx.channel().isActive()) {
      result.completeExceptionally(new RedisException("Connection closed"));
      return;
    }
    if (pending != null) {
      result.completeExceptionally(new IllegalStateException("an INFO is already in flight"));
      return;
    }
    bound = true;
    pending = new Pending(reader, result);
    // A void promise: a failed write reaches exceptionCaught below, which fails the INFO.
    writeFrom.writeAndFlush(COMMANDS[section.ordinal()].duplicate(), ctx.voidPromise());
  }

  /** Lettuce's commands pass; the connection's first INFO binds this handler to its poller. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof RedisCommand<?, ?, ?> command
        && command.getOutput() instanceof InfoCommand.Binding binding) {
      binding.bind(this);
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!bound || !(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (cumulation == null) {
        if (decode(in) && in.isReadable()) {
          dropUnasked(in);
        } else if (in.isReadable()) {
          cumulation = ctx.alloc().buffer(Math.max(in.readableBytes() * 2, 1024));
          cumulation.writeBytes(in);
        }
      } else {
        cumulation.writeBytes(in);
        if (decode(cumulation)) {
          if (cumulation.isReadable()) {
            dropUnasked(cumulation);
          }
          releaseCumulation();
        }
      }
    } catch (RedisProtocolException e) {
      releaseCumulation();
      fail(e);
      ctx.close();
    } finally {
      in.release();
    }
  }

  /**
   * Takes one whole reply from {@code buf} and completes the pending INFO with it.
   *
   * @return false when the reply is not all there yet (nothing was taken)
   */
  private boolean decode(ByteBuf buf) {
    int start = buf.readerIndex();
    int end = buf.writerIndex();
    int newline = buf.indexOf(start, end, (byte) '\n');
    if (newline < 0) {
      if (end - start > 32 && buf.getByte(start) != '-' && buf.getByte(start) != '+') {
        throw protocolError(buf, start);
      }
      return false;
    }
    int lineEnd = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    byte type = buf.getByte(start);
    switch (type) {
      case '$' -> {
        long length = length(buf, start + 1, lineEnd);
        if (length < 0) {
          buf.readerIndex(newline + 1);
          complete(null);
          return true;
        }
        int body = newline + 1;
        if (end - body < length + 2) {
          return false;
        }
        ByteBuffer reply = buf.nioBuffer(body, (int) length);
        buf.readerIndex(body + (int) length + 2);
        read(reply);
        return true;
      }
      case '-' -> {
        String text = buf.toString(start + 1, lineEnd - start - 1, StandardCharsets.UTF_8);
        buf.readerIndex(newline + 1);
        fail(ExceptionFactory.createExecutionException(text));
        return true;
      }
      case '+' -> {
        // Not what INFO answers, but some proxies might: the text as the reply.
        ByteBuffer reply = buf.nioBuffer(start + 1, lineEnd - start - 1);
        buf.readerIndex(newline + 1);
        read(reply);
        return true;
      }
      default -> throw protocolError(buf, start);
    }
  }

  /** The bulk length between {@code from} and {@code to}: -1 for nil. */
  private static long length(ByteBuf buf, int from, int to) {
    if (to - from == 2 && buf.getByte(from) == '-' && buf.getByte(from + 1) == '1') {
      return -1;
    }
    if (from == to || to - from > 10) {
      throw protocolError(buf, from - 1);
    }
    long length = 0;
    for (int i = from; i < to; i++) {
      byte digit = buf.getByte(i);
      if (digit < '0' || digit > '9') {
        throw protocolError(buf, from - 1);
      }
      length = length * 10 + (digit - '0');
    }
    if (length > LARGEST_REPLY) {
      throw protocolError(buf, from - 1);
    }
    return length;
  }

  private static RedisProtocolException protocolError(ByteBuf buf, int start) {
    int shown = Math.min(buf.writerIndex() - start, 40);
    String head = buf.toString(start, shown, StandardCharsets.US_ASCII).replaceAll("[\\r\\n]", " ");
    return new RedisProtocolException("not a reply to INFO: '" + head + "'");
  }

  /** Completes the pending INFO with what its reader makes of {@code reply}. */
  private void read(ByteBuffer reply) {
    Pending done = take();
    if (done == null) {
      return;
    }
    ReplyParser.Parsed parsed;
    try {
      parsed = done.reader().apply(reply);
    } catch (RuntimeException e) {
      done.result().completeExceptionally(e);
      return;
    }
    done.result().complete(parsed);
  }

  private void complete(ReplyParser.Parsed parsed) {
    Pending done = take();
    if (done != null) {
      done.result().complete(parsed);
    }
  }

  private Pending take() {
    Pending taken = pending;
    pending = null;
    return taken;
  }

  private void fail(Throwable error) {
    Pending done = take();
    if (done != null) {
      done.result().completeExceptionally(error);
    }
  }

  /** Bytes nobody asked for (a reply after its INFO failed, or a server talking out of turn). */
  private static void dropUnasked(ByteBuf buf) {
    buf.skipBytes(buf.readableBytes());
  }

  private void releaseCumulation() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseCumulation();
    fail(new RedisException("Connection closed"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (pending != null) {
      fail(cause);
      ctx.close();
    }
    ctx.fireExceptionCaught(cause);
  }

  /** Whether this handler answers the connection's INFOs (for tests). */
  boolean bound() {
    return bound;
  }
}
