package io.redisinfo.info;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reuses the String of a key or section name seen before instead of allocating a new one.
 *
 * <p>Every poll of every shard repeats the same few hundred names, so parsing allocates less and
 * the cached {@link Info} of many shards share one copy of each name. The table is fixed in size (a
 * collision just replaces the older name), so odd input cannot make it grow.
 *
 * <p>Thread-safe without locks: slots are written racily, which is harmless because a String is
 * immutable (its fields are final, so another thread sees it whole) and a reader that misses a name
 * simply creates its own copy.
 */
final class NameCache {
  /** Longer names are not cached: INFO names are short, and hashing long junk costs time. */
  static final int MAX_CACHED_LENGTH = 64;

  private final Name[] slots;

  /** A cached name with its UTF-8 bytes, compared byte by byte; immutable. */
  private record Name(String string, byte[] bytes) {}

  private final int mask;

  NameCache() {
    this(4096);
  }

  /**
   * @param capacity number of slots, a power of two
   */
  NameCache(int capacity) {
    if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
    }
    this.slots = new Name[capacity];
    this.mask = capacity - 1;
  }

  /** The UTF-8 text s[from, to) as a String, the cached one when the same name was seen before. */
  String get(byte[] s, int from, int to) {
    int length = to - from;
    if (length > MAX_CACHED_LENGTH) {
      return new String(s, from, length, StandardCharsets.UTF_8);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + s[i];
    }
    int slot = spread(hash) & mask;
    Name cached = slots[slot];
    if (cached != null && cached.bytes.length == length && matches(s, from, cached.bytes)) {
      return cached.string;
    }
    byte[] bytes = Arrays.copyOfRange(s, from, to);
    String name = new String(bytes, StandardCharsets.UTF_8);
    slots[slot] = new Name(name, bytes);
    return name;
  }

  /** s[from, to) with ASCII letters in lower case, cached like {@link #get}. */
  String lowerCase(byte[] s, int from, int to) {
    int length = to - from;
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + lowerAscii(s[i]);
    }
    int slot = spread(hash) & mask;
    Name cached = slots[slot];
    if (cached != null
        && cached.bytes.length == length
        && matchesLowerCase(s, from, cached.bytes)) {
      return cached.string;
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = lowerAscii(s[from + i]);
    }
    String name = new String(bytes, StandardCharsets.UTF_8);
    if (length <= MAX_CACHED_LENGTH) {
      slots[slot] = new Name(name, bytes);
    }
    return name;
  }

  private static boolean matches(byte[] s, int from, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      if (s[from + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLowerCase(byte[] s, int from, byte[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if (lowerAscii(s[from + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte lowerAscii(byte c) {
    return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
