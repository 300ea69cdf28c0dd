package io.redisinfo.info;

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

  /** A cached name with its characters, compared without String.charAt checks; immutable. */
  private record Name(String string, char[] chars) {}

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

  /** s[from, to) as a String, the cached one when the same name was seen before. */
  String get(String s, int from, int to) {
    int length = to - from;
    if (length > MAX_CACHED_LENGTH) {
      return s.substring(from, to);
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + s.charAt(i);
    }
    int slot = spread(hash) & mask;
    Name cached = slots[slot];
    if (cached != null && cached.chars.length == length && matches(s, from, cached.chars)) {
      return cached.string;
    }
    String name = s.substring(from, to);
    slots[slot] = new Name(name, name.toCharArray());
    return name;
  }

  /** s[from, to) with ASCII letters in lower case, cached like {@link #get}. */
  String lowerCase(String s, int from, int to) {
    int length = to - from;
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + lowerAscii(s.charAt(i));
    }
    int slot = spread(hash) & mask;
    Name cached = slots[slot];
    if (cached != null
        && cached.chars.length == length
        && matchesLowerCase(s, from, cached.chars)) {
      return cached.string;
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = lowerAscii(s.charAt(from + i));
    }
    String name = new String(chars);
    if (length <= MAX_CACHED_LENGTH) {
      slots[slot] = new Name(name, chars);
    }
    return name;
  }

  // A plain loop: String.regionMatches is several times slower on this hot path (JDK 17).
  private static boolean matches(String s, int from, char[] name) {
    for (int i = 0; i < name.length; i++) {
      if (s.charAt(from + i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLowerCase(String s, int from, char[] lower) {
    for (int i = 0; i < lower.length; i++) {
      if (lowerAscii(s.charAt(from + i)) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
