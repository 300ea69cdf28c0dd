package io.redisinfo.info;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map from names to INFO values that keeps insertion order, stored in two arrays.
 *
 * <p>Why not {@code LinkedHashMap}: an INFO reply has some 200 keys plus dozens of small nested
 * maps, parsed on every poll of every shard and cached per shard; one object per entry and an
 * unmodifiable wrapper per map cost more than the rest of the parsing. Small maps are searched
 * linearly, larger ones through an open-addressing index. Unmodifiable: every mutator throws {@link
 * UnsupportedOperationException} (inherited from {@link AbstractMap}).
 */
final class CompactMap extends AbstractMap<String, Object> {
  /** Up to this many entries a linear search beats hashing. */
  static final int LINEAR_LIMIT = 8;

  private final String[] keys;

  /** This map's values are values[offset, offset + size): a section shares its INFO's array. */
  private final Object[] values;

  private final int offset;
  private final int size;

  /**
   * Slot to entry number + 1 (0 = empty); null for small maps and until the first lookup. Volatile
   * so that a lazily built table is seen complete by every thread.
   */
  private volatile int[] index;

  private Set<Entry<String, Object>> entrySet;

  private CompactMap(String[] keys, Object[] values, int size, int[] index) {
    this(keys, values, 0, size, index);
  }

  private CompactMap(String[] keys, Object[] values, int offset, int size, int[] index) {
    this.keys = keys;
    this.values = values;
    this.offset = offset;
    this.size = size;
    this.index = index;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Object get(Object key) {
    int found = find(keys, size, index(), key);
    return found < 0 ? null : values[offset + found];
  }

  /** The position of {@code key} in insertion order, or -1. */
  int indexOf(Object key) {
    return find(keys, size, index(), key);
  }

  /**
   * A map with this one's keys and lookup index and the given values, in the same order ({@code
   * values.length} must be {@link #size()}): the next INFO of a shard whose keys did not change.
   */
  CompactMap withValues(Object[] values) {
    if (values.length != size) {
      throw new IllegalArgumentException(values.length + " values for " + size + " keys");
    }
    return new CompactMap(keys, values, size, index());
  }

  /**
   * {@link #withValues} over {@code values[offset, offset + size())} of a larger array, shared and
   * not copied: each section of an INFO is a stretch of the INFO's own values (see InfoParser).
   */
  CompactMap withValuesAt(Object[] values, int offset) {
    if (offset < 0 || values.length - offset < size) {
      throw new IllegalArgumentException(
          "values from " + offset + " of " + values.length + " for " + size + " keys");
    }
    return new CompactMap(keys, values, offset, size, index());
  }

  /** Whether both maps use one key array (see {@link KeyLayouts}). */
  boolean sharesKeysWith(CompactMap other) {
    return keys == other.keys;
  }

  String keyAt(int position) {
    return keys[position];
  }

  Object valueAt(int position) {
    return values[offset + position];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(keys, size, index(), key) >= 0;
  }

  private int[] index() {
    int[] table = index;
    if (table == null && size > LINEAR_LIMIT) {
      // Racing threads may each build one; they are equal, and each is published whole.
      table = indexOf(keys, size, slotsFor(size));
      index = table;
    }
    return table;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[offset + i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> entries = entrySet;
    if (entries == null) {
      entries = new Entries();
      entrySet = entries;
    }
    return entries;
  }

  private final class Entries extends AbstractSet<Entry<String, Object>> {
    @Override
    public int size() {
      return size;
    }

    @Override
    public Iterator<Entry<String, Object>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Entry<String, Object> next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return new SimpleImmutableEntry<>(keys[i], values[offset + i]);
        }
      };
    }
  }

  private static int find(String[] keys, int size, int[] index, Object key) {
    if (key == null) {
      return -1;
    }
    if (index == null) {
      for (int i = 0; i < size; i++) {
        String candidate = keys[i];
        if (candidate == key || candidate.equals(key)) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    int slot = spread(key.hashCode()) & mask;
    while (true) {
      int entry = index[slot];
      if (entry == 0) {
        return -1;
      }
      String candidate = keys[entry - 1];
      if (candidate == key || candidate.equals(key)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  static int slotsFor(int entries) {
    return Integer.highestOneBit(Math.max(entries, LINEAR_LIMIT)) * 4;
  }

  static int[] indexOf(String[] keys, int size, int slots) {
    int[] table = new int[slots];
    for (int i = 0; i < size; i++) {
      insert(keys, table, i);
    }
    return table;
  }

  private static void insert(String[] keys, int[] table, int entry) {
    int mask = table.length - 1;
    int slot = spread(keys[entry].hashCode()) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /**
   * Collects entries in order; then {@link #build()} once. Its index, too, is built on the first
   * lookup, so a builder only appended to (a section, see InfoParser) never hashes.
   */
  static final class Builder {
    private String[] keys;
    private Object[] values;
    private int size;
    private int[] index;

    Builder(int expectedSize) {
      int capacity = Math.max(4, expectedSize);
      keys = new String[capacity];
      values = new Object[capacity];
    }

    /** Adds the entry unless the key is present; returns the present value, or null if added. */
    Object putIfAbsent(String key, Object value) {
      int found = find(key);
      if (found >= 0) {
        return values[found];
      }
      add(key, value);
      return null;
    }

    /** Appends an entry whose key the caller knows to be absent. */
    void add(String key, Object value) {
      if (size == keys.length) {
        int capacity = size * 2;
        keys = Arrays.copyOf(keys, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      if (index != null) {
        if (size * 2 > index.length) {
          index = indexOf(keys, size, index.length * 2);
        } else {
          insert(keys, index, size - 1);
        }
      }
    }

    boolean containsKey(String key) {
      return find(key) >= 0;
    }

    int size() {
      return size;
    }

    CompactMap build() {
      // Trim when much is unused: built maps are cached for as long as a shard is polled.
      if (keys.length - size > 8 && keys.length > size + (size >> 2)) {
        keys = Arrays.copyOf(keys, size);
        values = Arrays.copyOf(values, size);
      }
      return new CompactMap(keys, values, size, index);
    }

    /**
     * Builds with the keys and lookup index of {@code layouts}: maps with the same keys in the same
     * order (every shard's INFO, poll after poll) share one copy of both, so a cached map costs
     * only its values.
     */
    CompactMap build(KeyLayouts layouts) {
      KeyLayouts.Layout layout = layouts.layoutOf(keys, size);
      Object[] exact = values.length == size ? values : Arrays.copyOf(values, size);
      return new CompactMap(layout.keys(), exact, size, layout.index());
    }

    private int find(String key) {
      if (index == null && size > LINEAR_LIMIT) {
        index = indexOf(keys, size, slotsFor(keys.length));
      }
      return CompactMap.find(keys, size, index, key);
    }
  }
}
