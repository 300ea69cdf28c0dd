package io.redisinfo.info;

/**
 * The text of a shard's last INFO reply and where each of its values' lines starts, kept so that
 * the next reply is parsed by comparing bytes ({@link InfoParser#parse(byte[], int, Info,
 * InfoText)}): most of a reply is the same as the last one, and a stretch of equal bytes is skipped
 * in bulk, without finding its lines, keys and values again. One per shard, used by one thread at a
 * time; about the size of a reply (5-7 KB for a Redis 7 {@code INFO everything}).
 */
public final class InfoText {
  private static final int[] NO_STARTS = new int[0];

  /** The INFO parsed from {@link #bytes}; the text describes no other. */
  Info info;

  byte[] bytes = new byte[0];
  int length;

  /** Offset in {@link #bytes} of the line of each value, by position in {@code info.keys()}. */
  int[] starts = NO_STARTS;

  /** Where the next parse writes its starts; swapped with {@link #starts} when it is recorded. */
  int[] spareStarts = NO_STARTS;

  /** {@link #spareStarts}, at least {@code size} long (what it held is kept when it grows). */
  int[] startsFor(int size) {
    if (spareStarts.length < size) {
      spareStarts = java.util.Arrays.copyOf(spareStarts, Math.max(size, 64));
    }
    return spareStarts;
  }

  /** Keeps s[0, length) and the starts just written to {@link #startsFor} as the text of info. */
  void record(byte[] s, int length, Info parsed) {
    if (bytes.length < length) {
      bytes = new byte[length + length / 4];
    }
    System.arraycopy(s, 0, bytes, 0, length);
    this.length = length;
    int[] written = spareStarts;
    spareStarts = starts;
    starts = written;
    info = parsed;
  }

  /** Describes nothing (the last reply could not be parsed in a way its text can serve). */
  void clear() {
    info = null;
  }
}
