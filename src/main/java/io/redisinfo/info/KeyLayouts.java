package io.redisinfo.info;

import java.util.Arrays;

/**
 * Shares the key arrays and lookup indexes of {@link CompactMap}s that have the same keys in the
 * same order. A thousand shards polled again and again produce the same few dozen key sequences
 * (the whole reply, each section, {@code cmdstat_*} and {@code dbN} values), so most cached maps
 * need no keys or index of their own.
 *
 * <p>Like {@link NameCache}: a fixed table (a collision replaces the older layout, whose maps keep
 * it), written racily, which is harmless because a layout is immutable and fully built before it is
 * published. Thread-safe.
 */
final class KeyLayouts {
  /** Larger maps get a layout of their own: odd input must not make hashing costly. */
  static final int MAX_SHARED_KEYS = 2048;

  /**
   * Keys in order and their index (null for maps searched linearly); never modified.
   *
   * @param hash over the keys, to reject most mismatches without comparing them
   */
  record Layout(int hash, String[] keys, int[] index) {}

  private final Layout[] slots;
  private final int mask;

  KeyLayouts() {
    this(1024);
  }

  /**
   * @param capacity number of slots, a power of two
   */
  KeyLayouts(int capacity) {
    if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
    }
    this.slots = new Layout[capacity];
    this.mask = capacity - 1;
  }

  /** The layout of keys[0, size), the shared one when these keys were seen before. */
  Layout layoutOf(String[] keys, int size) {
    if (size > MAX_SHARED_KEYS) {
      return fresh(0, keys, size);
    }
    int hash = size;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + keys[i].hashCode();
    }
    int slot = (hash ^ (hash >>> 16)) & mask;
    Layout cached = slots[slot];
    if (cached != null && cached.hash() == hash && sameKeys(cached.keys(), keys, size)) {
      return cached;
    }
    Layout layout = fresh(hash, keys, size);
    slots[slot] = layout;
    return layout;
  }

  private static Layout fresh(int hash, String[] keys, int size) {
    String[] own = Arrays.copyOf(keys, size);
    int[] index =
        size > CompactMap.LINEAR_LIMIT
            ? CompactMap.indexOf(own, size, CompactMap.slotsFor(size))
            : null;
    return new Layout(hash, own, index);
  }

  private static boolean sameKeys(String[] shared, String[] keys, int size) {
    if (shared.length != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      String a = shared[i];
      String b = keys[i];
      if (a != b && !a.equals(b)) {
        return false;
      }
    }
    return true;
  }
}
