package io.redisinfo.poll;

import io.netty.util.concurrent.FastThreadLocal;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoText;
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
   * @param text the shard's last reply text, which the reply is compared with and then replaces
   */
  Parsed parse(ByteBuffer reply, Info previous, InfoText text) {
    int length = reply.remaining();
    byte[] buffer = buffers.get();
    if (length > buffer.length) {
      buffer = new byte[Math.max(length, Math.min(buffer.length * 2, LARGEST_KEPT))];
      if (buffer.length <= LARGEST_KEPT) {
        buffers.set(buffer);
      }
    }
    reply.get(buffer, 0, length); // the buffer is Netty's, reused once the output returns
    Info info;
    // One INFO is in flight per shard, but the reply to one that timed out may still be read on
    // its closing connection while the next is: the text is the shard's, so one at a time.
    synchronized (text) {
      info = parser.parse(buffer, length, previous, text);
    }
    // Parsed even when unusable: with no older form of INFO to ask, it is what the server says.
    return new Parsed(info, InfoSection.isUnusable(buffer, length));
  }
}
