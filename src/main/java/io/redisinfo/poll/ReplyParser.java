package io.redisinfo.poll;

import io.netty.util.concurrent.FastThreadLocal;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoParser;
import java.nio.ByteBuffer;

/**
 * Parses a poll's INFO reply where Lettuce hands it over, on the connection's event loop, from a
 * buffer each thread reuses. Until now every reply was first copied into an array of its own: about
 * 5 KB per poll, a third of all the bytes the operator allocated at 1000 busy shards (allocation
 * profile, docs/BENCHMARKS.md). The buffer never leaves {@link #parse}: what the poll keeps is the
 * parsed {@link Info}, whose names and values are copies.
 */
final class ReplyParser {
  /** A reply larger than this is read from an array of its own, not kept as a thread's buffer. */
  static final int LARGEST_KEPT = 1 << 20;

  /** A parsed reply; {@code unusable}: it has no section header (see {@link InfoSection}). */
  record Parsed(Info info, boolean unusable) {}

  private final InfoParser parser;
  private final FastThreadLocal<byte[]> buffers =
      new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
          return new byte[SmallReadBufferAllocator.FIRST_CAPACITY];
        }
      };

  ReplyParser(InfoParser parser) {
    this.parser = parser;
  }

  /**
   * @param previous the shard's last INFO, whose unchanged values the result shares (or null)
   */
  Parsed parse(ByteBuffer reply, Info previous) {
    int length = reply.remaining();
    byte[] buffer = buffers.get();
    if (length > buffer.length) {
      buffer = new byte[Math.max(length, Math.min(buffer.length * 2, LARGEST_KEPT))];
      if (buffer.length <= LARGEST_KEPT) {
        buffers.set(buffer);
      }
    }
    reply.get(buffer, 0, length); // the buffer is Netty's, reused once the output returns
    // Parsed even when unusable: with no older form of INFO to ask, it is what the server says.
    return new Parsed(
        parser.parse(buffer, length, previous), InfoSection.isUnusable(buffer, length));
  }
}
