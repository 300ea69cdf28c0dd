package io.redisinfo.info;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed INFO reply: sections in server order, each an ordered map of key to typed value.
 *
 * <p>Values are {@link Long}, {@link Double}, {@link String} or, for {@code k=v,k=v} values such as
 * {@code db0} or {@code cmdstat_get}, an ordered {@code Map<String, Object>} of the same types.
 * Section names are lower case ({@code # Keyspace} is {@code keyspace}). Immutable once built.
 */
public final class Info {
  private static final Info EMPTY = new Info(Map.of(), Map.of(), 0);

  /**
   * Where a key occurs.
   *
   * @param key the key
   * @param sectionIndex the section's position in server order
   * @param section the section's name
   * @param position the key's position within its section
   * @param value its value there
   */
  public record KeyOccurrence(
      String key, int sectionIndex, String section, int position, Object value) {}

  private final Map<String, Map<String, Object>> sections;
  private final Map<String, Object> flat;
  private final int malformedLines;

  /**
   * When the flat map is exactly the sections' keys one after the other (no key in two sections, no
   * repeated key, no section resumed later), the flat position where each section ends; else null.
   * Lets {@link #occurrencesOf} answer with one hash lookup instead of a scan.
   */
  private final int[] sectionEnds;

  Info(Map<String, Map<String, Object>> sections, Map<String, Object> flat, int malformedLines) {
    this(sections, flat, malformedLines, null);
  }

  Info(
      Map<String, Map<String, Object>> sections,
      Map<String, Object> flat,
      int malformedLines,
      int[] sectionEnds) {
    this.sections = sections;
    this.flat = flat;
    this.malformedLines = malformedLines;
    this.sectionEnds = sectionEnds;
  }

  /** See {@link #sectionEnds}; null when not aligned. Not to be modified. */
  int[] sectionEnds() {
    return sectionEnds;
  }

  public static Info empty() {
    return EMPTY;
  }

  /** Builds an Info from already typed sections (tests, merging); copies the maps. */
  public static Info of(Map<String, Map<String, Object>> sections, int malformedLines) {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    Map<String, Object> flat = new LinkedHashMap<>();
    sections.forEach(
        (name, keys) -> {
          copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(keys)));
          keys.forEach(flat::putIfAbsent);
        });
    return new Info(
        Collections.unmodifiableMap(copy), Collections.unmodifiableMap(flat), malformedLines);
  }

  /** Sections in server order; names lower case. */
  public Map<String, Map<String, Object>> sections() {
    return sections;
  }

  /** Every key of every section (the first occurrence wins when a key repeats). */
  public Map<String, Object> keys() {
    return flat;
  }

  /** Lines that were neither a header, a blank line nor {@code key:value}; they are skipped. */
  public int malformedLines() {
    return malformedLines;
  }

  /**
   * Every section holding {@code key}, in server order (usually one, none when absent): a lookup,
   * not a scan of every key, for INFO as the parser builds it.
   */
  public List<KeyOccurrence> occurrencesOf(String key) {
    if (sectionEnds != null && flat instanceof CompactMap compact) {
      int at = compact.indexOf(key);
      if (at < 0) {
        return List.of();
      }
      int section = 0;
      while (sectionEnds[section] <= at) {
        section++;
      }
      int start = section == 0 ? 0 : sectionEnds[section - 1];
      String name = ((CompactMap) (Map<?, ?>) sections).keyAt(section);
      return List.of(new KeyOccurrence(key, section, name, at - start, compact.valueAt(at)));
    }
    List<KeyOccurrence> found = new ArrayList<>(1);
    int sectionIndex = 0;
    for (Map.Entry<String, Map<String, Object>> section : sections.entrySet()) {
      int position = 0;
      for (Map.Entry<String, Object> entry : section.getValue().entrySet()) {
        if (entry.getKey().equals(key)) {
          found.add(
              new KeyOccurrence(key, sectionIndex, section.getKey(), position, entry.getValue()));
          break;
        }
        position++;
      }
      sectionIndex++;
    }
    return found;
  }

  public Object get(String key) {
    return flat.get(key);
  }

  /**
   * Only {@code keep} of this INFO, in the same sections (a section left empty still counts), in
   * compact maps: what a reader needs of an earlier poll, held until the next one.
   */
  public Info retain(Set<String> keep) {
    if (sectionEnds != null
        && flat instanceof CompactMap compact
        && (Object) sections instanceof CompactMap names) {
      return retainAligned(keep, compact, names);
    }
    CompactMap.Builder names = new CompactMap.Builder(sections.size());
    CompactMap.Builder kept = new CompactMap.Builder(keep.size());
    for (Map.Entry<String, Map<String, Object>> section : sections.entrySet()) {
      CompactMap.Builder keys = null;
      for (String key : keep) {
        Object value = section.getValue().get(key);
        if (value != null) {
          keys = keys == null ? new CompactMap.Builder(keep.size()) : keys;
          keys.add(key, value);
          kept.putIfAbsent(key, value);
        }
      }
      names.add(section.getKey(), keys == null ? Map.of() : keys.build());
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> retained =
        (Map<String, Map<String, Object>>) (Map<?, ?>) names.build();
    return new Info(retained, kept.build(), 0);
  }

  /**
   * {@link #retain} for INFO as the parser builds it: one lookup per kept key in the flat map,
   * whose position says the section, instead of one per kept key and section (this runs on every
   * poll). Same sections, keys and order.
   */
  private Info retainAligned(Set<String> keep, CompactMap compact, CompactMap names) {
    int sectionCount = names.size();
    String[] keys = new String[keep.size()];
    int[] positions = new int[keep.size()];
    int found = 0;
    for (String key : keep) {
      int at = compact.indexOf(key);
      if (at >= 0) {
        keys[found] = key;
        positions[found++] = at;
      }
    }
    CompactMap.Builder retainedNames = new CompactMap.Builder(sectionCount);
    CompactMap.Builder kept = new CompactMap.Builder(found);
    for (int section = 0; section < sectionCount; section++) {
      int from = section == 0 ? 0 : sectionEnds[section - 1];
      int to = sectionEnds[section];
      CompactMap.Builder inSection = null;
      for (int i = 0; i < found; i++) {
        if (positions[i] >= from && positions[i] < to) {
          Object value = compact.valueAt(positions[i]);
          inSection = inSection == null ? new CompactMap.Builder(found) : inSection;
          inSection.add(keys[i], value);
          kept.add(keys[i], value);
        }
      }
      retainedNames.add(names.keyAt(section), inSection == null ? Map.of() : inSection.build());
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> retained =
        (Map<String, Map<String, Object>>) (Map<?, ?>) retainedNames.build();
    return new Info(retained, kept.build(), 0);
  }

  /**
   * True when both are known to have the same sections and keys in the same order (parsed replies
   * that share their key layouts, see {@link KeyLayouts}); false when they differ or cannot tell
   * cheaply. Lets a reader skip work that depends only on which keys are present.
   */
  public boolean sameKeysAs(Info other) {
    return other != null
        && flat instanceof CompactMap keys
        && other.flat instanceof CompactMap otherKeys
        && keys.sharesKeysWith(otherKeys)
        && (Object) sections instanceof CompactMap names
        && (Object) other.sections instanceof CompactMap otherNames
        && names.sharesKeysWith(otherNames);
  }

  public String getString(String key) {
    Object value = flat.get(key);
    return value == null ? null : value.toString();
  }

  /** The value as a long, or null when absent or not a whole number. */
  public Long getLong(String key) {
    return flat.get(key) instanceof Long l ? l : null;
  }

  /** The value as a double (whole numbers included), or null when absent or not numeric. */
  public Double getDouble(String key) {
    Object value = flat.get(key);
    return value instanceof Number n ? n.doubleValue() : null;
  }

  public boolean isEmpty() {
    return flat.isEmpty();
  }

  @Override
  public String toString() {
    return "Info{sections=" + sections.keySet() + ", keys=" + flat.size() + "}";
  }
}
