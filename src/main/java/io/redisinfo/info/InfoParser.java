package io.redisinfo.info;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the text of an INFO reply (Redis 2.8 to 7.x, Valkey). Never throws; see {@link Info}.
 *
 * <ul>
 *   <li>{@code # Name} starts a section; names are lower-cased. Lines before any header belong to
 *       the section {@code default}.
 *   <li>{@code key:value} lines are split at the first colon ({@code master_host:::1}). CRLF or LF;
 *       blank lines are ignored; any other line is skipped and counted as malformed.
 *   <li>Values are typed: a whole number is a {@link Long} (a {@link Double} when it does not fit),
 *       a decimal such as {@code 1.25} a {@link Double}, a {@code k=v,k=v} list (such as {@code
 *       db0}, {@code cmdstat_get}, {@code slave0}, {@code module}) an ordered map whose values are
 *       typed the same way, anything else a {@link String}. Numbers with a leading zero ({@code
 *       redis_git_sha1:00000000}) stay strings: Redis never prints numbers that way, so such a
 *       value is an identifier and its digits must be kept.
 *   <li>A key repeated within one section (Redis prints one {@code module:} line per module), or a
 *       name repeated within one nested value (Valkey's {@code listener0:...,bind=*,bind=-::*}), is
 *       kept as {@code key}, {@code key#2}, {@code key#3}, ... in order.
 * </ul>
 *
 * <p>Written by hand, without regular expressions, because it runs on every poll of every shard.
 * Thread-safe; one instance may be shared.
 */
public final class InfoParser {
  static final String DEFAULT_SECTION = "default";
  static final char REPEAT_SEPARATOR = '#';

  /** Powers of ten that are exact in a double, so mantissa / 10^n is correctly rounded. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** Largest mantissa a double holds exactly. */
  private static final long EXACT_MANTISSA_LIMIT = 1L << 53;

  private final NameCache names;

  /**
   * String values, shared like names: most repeat across shards and polls ({@code ok}, {@code
   * master}, the version, the allocator), the rest at least across one shard's polls (its run id).
   * A table apart from the names so that a thousand run ids cannot evict them.
   */
  private final NameCache strings = new NameCache();

  private final KeyLayouts layouts = new KeyLayouts();

  public InfoParser() {
    this(new NameCache());
  }

  InfoParser(NameCache names) {
    this.names = names;
  }

  public Info parse(CharSequence text) {
    if (text == null || text.length() == 0) {
      return Info.empty();
    }
    return parse(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses the reply as Redis sends it, UTF-8 bytes. Works on the bytes themselves (names and
   * values become Strings only once found): the poller hands every reply over this way, and byte
   * array reads are much cheaper than {@code String.charAt} before the JIT's top tier.
   */
  public Info parse(byte[] s) {
    return parse(s, null);
  }

  /**
   * Parses the reply, reusing the values of {@code previous} (the same shard's last INFO) that did
   * not change: most of a shard's whole numbers stay the same from one poll to the next (its
   * configuration, most counters of an idle server). They then need no new object, and no new
   * object that lives a whole poll interval, which the collector would have to promote: at 500 busy
   * shards the INFOs kept from one poll to the next drove a full collection every few seconds
   * (docs/BENCHMARKS.md).
   *
   * @param previous the shard's last INFO, or null
   */
  public Info parse(byte[] s, Info previous) {
    return s == null ? Info.empty() : parse(s, s.length, previous);
  }

  /**
   * Parses the reply in s[0, length), the rest of s being another's (a buffer that is reused).
   *
   * @param previous the shard's last INFO, or null
   */
  public Info parse(byte[] s, int length, Info previous) {
    return parse(s, length, previous, null);
  }

  /**
   * Parses the reply in s[0, length) against the shard's last reply: where {@code text} holds the
   * text {@code previous} was parsed from, the bytes are compared, equal stretches keep their
   * values without being read again, and only the lines that differ are parsed. Afterwards {@code
   * text} holds this reply's text. Gives exactly what parsing the reply on its own gives
   * (InfoTextParsingTest).
   *
   * @param previous the shard's last INFO, or null
   * @param text the shard's {@link InfoText}, or null to keep none
   */
  public Info parse(byte[] s, int length, Info previous, InfoText text) {
    if (s == null || length == 0) {
      if (text != null) {
        text.clear();
      }
      return Info.empty();
    }
    CompactMap last =
        previous != null && previous.keys() instanceof CompactMap compact ? compact : null;
    int[] starts = text == null || last == null ? null : text.startsFor(last.size());
    if (last != null && text != null && text.info == previous) {
      Info same = parseAgainstText(s, length, previous, last, text, starts);
      if (same != null) {
        text.record(s, length, same);
        return same;
      }
    }
    if (last != null) {
      Info same = parseLikePrevious(s, length, previous, last, starts);
      if (same != null) {
        if (text != null) {
          text.record(s, length, same);
        }
        return same;
      }
    }
    // A shard's first reply keeps no text, or the first sweep of a large fleet would make every
    // shard's text at once, in the middle of it; the second reply keeps it.
    Info parsed = parseWhole(s, length, last, previous == null ? null : text);
    if (text != null && text.info != parsed) {
      text.clear();
    }
    return parsed;
  }

  /**
   * Parses the reply line by line, sharing the values of {@code last} (or null) found unchanged at
   * the same position; records its text in {@code text} when that can serve the next parse.
   */
  private Info parseWhole(byte[] s, int length, CompactMap last, InfoText text) {
    int[] starts = text == null ? null : text.startsFor(64);
    // Next ':' at or after the current line; kept across lines so that lines without a colon do
    // not make the search quadratic.
    int nextColon = -1;
    // Section name -> CompactMap.Builder of its keys, in order of first appearance.
    CompactMap.Builder sections = new CompactMap.Builder(16);
    CompactMap.Builder flat = new CompactMap.Builder(256);
    CompactMap.Builder section = null;
    CompactMap.Builder newestSection = null;
    String sectionName = DEFAULT_SECTION;
    int malformed = 0;
    // Whether flat holds the sections' keys one after the other (see Info.sectionEnds).
    boolean aligned = true;
    // Last suffix given per repeated key (created on the first repeat), so repeats stay linear.
    Map<String, Integer> repeats = null;

    int pos = 0;
    while (pos < length) {
      int lineStart = pos;
      int lineEnd = indexOf(s, (byte) '\n', pos, length);
      int start = skipBlanks(s, pos, lineEnd);
      int end = trimBlanks(s, start, lineEnd);
      pos = lineEnd + 1;
      if (start == end) {
        continue;
      }

      if (s[start] == '#') {
        int nameStart = skipBlanks(s, start + 1, end);
        if (nameStart == end) {
          malformed++;
          continue;
        }
        sectionName = names.lowerCase(s, nameStart, end);
        int before = sections.size();
        section = section(sections, sectionName);
        if (sections.size() > before) {
          newestSection = section;
        } else if (section != newestSection) {
          aligned = false; // a section resumed after another: its keys are not contiguous in flat
        }
        continue;
      }

      if (nextColon < start) {
        nextColon = indexOf(s, (byte) ':', start, length);
      }
      int colon = nextColon;
      if (colon >= end || colon == start) {
        malformed++;
        continue;
      }
      String key = names.get(s, start, colon);
      Object value = unchanged(last, flat.size(), key, s, colon + 1, end);
      if (value == null) {
        value = typedValue(s, colon + 1, end, true);
      }
      if (section == null) {
        int before = sections.size();
        section = section(sections, DEFAULT_SECTION);
        if (sections.size() > before) {
          newestSection = section;
        } else if (section != newestSection) {
          aligned = false;
        }
      }
      if (flat.putIfAbsent(key, value) == null) {
        // New to the whole reply, so new to the section: no lookup in the section needed.
        section.add(key, value);
        if (starts != null) {
          int position = flat.size() - 1;
          if (position == starts.length) {
            starts = text.startsFor(starts.length * 2);
          }
          starts[position] = lineStart;
        }
      } else {
        aligned = false;
        if (section.putIfAbsent(key, value) != null) {
          if (repeats == null) {
            repeats = new HashMap<>();
          }
          key = repeatedKey(section, sectionName, key, repeats);
          section.add(key, value);
          flat.putIfAbsent(key, value);
        }
      }
    }

    if (sections.size() == 0) {
      return malformed == 0 ? Info.empty() : new Info(Map.of(), Map.of(), malformed);
    }
    CompactMap builtSections = sections.build();
    CompactMap.Builder result = new CompactMap.Builder(builtSections.size());
    int[] sectionEnds = aligned ? new int[builtSections.size()] : null;
    int keys = 0;
    for (int i = 0; i < builtSections.size(); i++) {
      CompactMap.Builder sectionKeys = (CompactMap.Builder) builtSections.valueAt(i);
      keys += sectionKeys.size();
      if (sectionEnds != null) {
        sectionEnds[i] = keys;
      }
      result.add(builtSections.keyAt(i), sectionKeys.build(layouts));
    }
    if (keys != flat.size()) {
      sectionEnds = null; // cannot happen when aligned; never trust a wrong table
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> typedSections =
        (Map<String, Map<String, Object>>) (Map<?, ?>) result.build(layouts);
    Info parsed = new Info(typedSections, flat.build(layouts), malformed, sectionEnds);
    if (starts != null && sectionEnds != null && malformed == 0) {
      text.record(s, length, parsed);
    }
    return parsed;
  }

  /**
   * The reply parsed on the assumption that it has exactly the previous reply's sections and keys
   * in the same order, as nearly every poll of a shard has; null as soon as anything differs (a key
   * more or less, another section, a malformed line, keys before the first header), and the caller
   * parses the usual way. Each key is then checked against the one expected at its position, and
   * the result shares the previous maps' keys and indexes: no name lookups, no hashing of keys, no
   * layout search. Gives exactly what the usual way gives for such a reply (InfoParserTest).
   */
  private Info parseLikePrevious(
      byte[] s, int length, Info previous, CompactMap last, int[] starts) {
    if (!canShareLayout(previous, last)) {
      return null;
    }
    int[] ends = previous.sectionEnds();
    CompactMap lastSections = (CompactMap) (Object) previous.sections();
    int sectionCount = ends.length;
    Object[] values = new Object[last.size()];
    byte[] scratch = new byte[SCRATCH_LENGTH];
    int position = 0;
    int section = -1;
    int pos = 0;
    while (pos < length) {
      int lineStart = pos;
      int lineEnd = indexOf(s, (byte) '\n', pos, length);
      int start = skipBlanks(s, pos, lineEnd);
      int end = trimBlanks(s, start, lineEnd);
      pos = lineEnd + 1;
      if (start == end) {
        continue;
      }
      if (s[start] == '#') {
        int nameStart = skipBlanks(s, start + 1, end);
        section++;
        if (nameStart == end
            || section == sectionCount
            || position != (section == 0 ? 0 : ends[section - 1])
            || !isLowerCaseOf(s, nameStart, end, lastSections.keyAt(section))) {
          return null;
        }
        continue;
      }
      int colon = indexOf(s, (byte) ':', start, end);
      if (section < 0 || colon == end || colon == start || position == ends[section]) {
        return null;
      }
      String key = last.keyAt(position);
      if (!isTextOf(s, start, colon, key, scratch)) {
        return null;
      }
      Object value = unchanged(last, position, key, s, colon + 1, end);
      if (starts != null) {
        starts[position] = lineStart;
      }
      values[position++] = value != null ? value : typedValue(s, colon + 1, end, true);
    }
    if (section != sectionCount - 1 || position != last.size()) {
      return null;
    }
    return withLayoutOf(previous, last, values);
  }

  /**
   * The reply parsed by comparing it with the text {@code previous} was parsed from ({@code text}):
   * a stretch of equal bytes keeps the values of the lines it covers as they were, and a line that
   * differs after its key's colon gets its value parsed anew. Null as soon as anything else differs
   * (a key, a header, a line more or less), and the caller parses another way. Each changed value
   * line is then found again after the equal stretch; a line keeps its position, so the result
   * shares the previous layout like {@link #parseLikePrevious}.
   */
  private Info parseAgainstText(
      byte[] s, int length, Info previous, CompactMap last, InfoText text, int[] starts) {
    if (!canShareLayout(previous, last)) {
      return null;
    }
    byte[] old = text.bytes;
    int oldLength = text.length;
    int[] oldStarts = text.starts;
    int count = last.size();
    if (oldStarts.length < count) {
      return null;
    }
    Object[] values = new Object[count];
    int position = 0;
    int o = 0; // a line start in old
    int n = 0; // the same line's start in s
    while (true) {
      int equal = Arrays.mismatch(old, o, oldLength, s, n, length);
      if (equal < 0) { // the rest is the same
        for (; position < count; position++) {
          values[position] = last.valueAt(position);
          starts[position] = oldStarts[position] - o + n;
        }
        return withLayoutOf(previous, last, values);
      }
      int differs = o + equal;
      int lineStart = differs;
      while (lineStart > o && old[lineStart - 1] != '\n') {
        lineStart--;
      }
      for (; position < count && oldStarts[position] < lineStart; position++) {
        values[position] = last.valueAt(position);
        starts[position] = oldStarts[position] - o + n;
      }
      if (position == count || oldStarts[position] != lineStart) {
        return null; // a header, a blank line, a line more or less
      }
      int oldLineEnd = indexOf(old, (byte) '\n', lineStart, oldLength);
      int colon = indexOf(old, (byte) ':', lineStart, oldLineEnd);
      if (differs <= colon) {
        return null; // the key (or its colon) differs
      }
      int shift = n - o;
      int valueStart = colon + 1 + shift;
      int newLineEnd = indexOf(s, (byte) '\n', valueStart, length);
      values[position] = typedValue(s, valueStart, trimBlanks(s, valueStart, newLineEnd), true);
      starts[position++] = lineStart + shift;
      if (oldLineEnd == oldLength || newLineEnd == length) {
        // One text ends here: the other must too, and every value must have been read.
        return oldLineEnd == oldLength && newLineEnd == length && position == count
            ? withLayoutOf(previous, last, values)
            : null;
      }
      o = oldLineEnd + 1;
      n = newLineEnd + 1;
    }
  }

  /**
   * Whether {@code previous} can lend its layout (sections, keys, their order) to the next reply:
   * its keys lie section after section, with no malformed line.
   */
  private static boolean canShareLayout(Info previous, CompactMap last) {
    int[] ends = previous.sectionEnds();
    return ends != null
        && previous.malformedLines() == 0
        && (Object) previous.sections() instanceof CompactMap lastSections
        && lastSections.size() == ends.length
        && ends.length > 0
        && ends[ends.length - 1] == last.size();
  }

  /** An INFO with the layout of {@code previous} and these values, by position; null if none. */
  private static Info withLayoutOf(Info previous, CompactMap last, Object[] values) {
    int[] ends = previous.sectionEnds();
    CompactMap lastSections = (CompactMap) (Object) previous.sections();
    int sectionCount = ends.length;
    Object[] sectionMaps = new Object[sectionCount];
    for (int i = 0; i < sectionCount; i++) {
      int from = i == 0 ? 0 : ends[i - 1];
      CompactMap lastSection = (CompactMap) lastSections.valueAt(i);
      if (lastSection.size() != ends[i] - from) {
        return null;
      }
      sectionMaps[i] = lastSection.withValuesAt(values, from); // no copy: one array per INFO
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> sections =
        (Map<String, Map<String, Object>>) (Map<?, ?>) lastSections.withValues(sectionMaps);
    return new Info(sections, last.withValues(values), 0, ends);
  }

  /** Keys up to this long are compared as bytes (see {@link #isTextOf}). */
  private static final int SCRATCH_LENGTH = 64;

  /**
   * Whether s[from, to) is the ASCII text of {@code name}. A key of at most {@code scratch.length}
   * characters is copied into {@code scratch} with one array copy and compared byte by byte: at a
   * few dozen polls a second this code runs on C1, where {@code charAt} per character cost about a
   * twentieth of a poll's event-loop time.
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the low byte of each char
  private static boolean isTextOf(byte[] s, int from, int to, String name, byte[] scratch) {
    int length = to - from;
    if (name.length() != length) {
      return false;
    }
    if (length <= scratch.length) {
      name.getBytes(0, length, scratch, 0);
      for (int i = 0; i < length; i++) {
        byte b = s[from + i];
        // ASCII bytes equal to the low bytes of as many chars are that text: a key this parser
        // decoded from as many bytes has only ASCII chars and U+FFFD, whose low byte is no ASCII.
        if (b < 0 || b != scratch[i]) {
          return false;
        }
      }
      return true;
    }
    return isTextOf(s, from, to, name);
  }

  /** Whether s[from, to) is the ASCII text of {@code name}, compared char by char. */
  private static boolean isTextOf(byte[] s, int from, int to, String name) {
    if (name.length() != to - from) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      byte b = s[from + i];
      if (b < 0 || name.charAt(i) != b) {
        return false;
      }
    }
    return true;
  }

  /** Whether s[from, to), ASCII letters lower-cased, is the ASCII text of {@code name}. */
  private static boolean isLowerCaseOf(byte[] s, int from, int to, String name) {
    if (name.length() != to - from) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      byte b = s[from + i];
      if (b < 0 || name.charAt(i) != (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b)) {
        return false;
      }
    }
    return true;
  }

  private static CompactMap.Builder section(CompactMap.Builder sections, String name) {
    CompactMap.Builder fresh = new CompactMap.Builder(16);
    Object present = sections.putIfAbsent(name, fresh);
    return present == null ? fresh : (CompactMap.Builder) present;
  }

  /**
   * The name for another line of a key already in the section: {@code key#2}, {@code key#3}, ...
   * Redis repeats {@code module} once per loaded module, and every one of them is kept.
   */
  private static String repeatedKey(
      CompactMap.Builder keys, String scope, String key, Map<String, Integer> repeats) {
    String counter = scope + '\n' + key;
    int n = repeats.getOrDefault(counter, 1);
    String candidate;
    do {
      n++;
      candidate = key + REPEAT_SEPARATOR + n;
    } while (keys.containsKey(candidate));
    repeats.put(counter, n);
    return candidate;
  }

  /** The first index in s[from, to) that is not blank, or {@code to}. */
  private static int skipBlanks(byte[] s, int from, int to) {
    while (from < to && isBlank(s[from])) {
      from++;
    }
    return from;
  }

  /** The end of s[from, to) without its trailing blanks. */
  private static int trimBlanks(byte[] s, int from, int to) {
    while (to > from && isBlank(s[to - 1])) {
      to--;
    }
    return to;
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\r' || c == '\t';
  }

  /** The index of the first {@code b} in s[from, to), or {@code to}. */
  private static int indexOf(byte[] s, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s[i] == b) {
        return i;
      }
    }
    return to;
  }

  /**
   * The previous INFO's whole number at this position, if it is under the same key and s[from, to)
   * is that number exactly as {@link #number} reads it (so the value is the same either way); else
   * null. Positions match as long as the server prints the same keys in the same order.
   */
  private static Long unchanged(
      CompactMap last, int position, String key, byte[] s, int from, int to) {
    if (last == null || position >= last.size()) {
      return null;
    }
    String previousKey = last.keyAt(position);
    if (previousKey != key && !previousKey.equals(key)) {
      return null;
    }
    return last.valueAt(position) instanceof Long number && isDecimal(s, from, to, number)
        ? number
        : null;
  }

  /** Digits of the longest long, {@link Long#MIN_VALUE}. */
  private static final int MAX_LONG_DIGITS = 19;

  /**
   * Whether s[from, to) is the plain decimal text of n: an optional minus, no leading zero. Reads
   * the digits forwards with a multiplication each rather than dividing n by ten: C1 divides longs
   * in a runtime call, which took 2 % of all the CPU at 1000 busy shards.
   */
  static boolean isDecimal(byte[] s, int from, int to, long n) {
    int i = from;
    if (n < 0) {
      if (i == to || s[i] != '-') {
        return false;
      }
      i++;
    }
    int digits = to - i;
    if (digits == 0 || digits > MAX_LONG_DIGITS || (s[i] == '0' && digits > 1)) {
      return false;
    }
    // On the negative side, which holds Long.MIN_VALUE. Nineteen digits may wrap past it, but
    // only to a positive number, which equals no n that the sign allows here.
    long value = 0;
    for (; i < to; i++) {
      int digit = s[i] - '0';
      if (digit < 0 || digit > 9) {
        return false;
      }
      value = value * 10 - digit;
    }
    return n < 0 ? value == n : value == -n;
  }

  /** The value of s[from, to): a number, a nested {@code k=v,...} map (if allowed) or a string. */
  private Object typedValue(byte[] s, int from, int to, boolean allowNested) {
    if (from == to) {
      return "";
    }
    byte first = s[from];
    if (first == '-' || (first >= '0' && first <= '9')) {
      Object number = number(s, from, to);
      if (number != null) {
        return number;
      }
    }
    if (allowNested && isKeyValueList(s, from, to)) {
      return keyValueList(s, from, to);
    }
    return strings.get(s, from, to);
  }

  /**
   * A Long for {@code -?(0|[1-9][0-9]*)}, a Double for the same followed by {@code .[0-9]+} (or a
   * whole number too large for a long), null otherwise (also beyond the range of a double).
   */
  private static Object number(byte[] s, int from, int to) {
    int i = from;
    boolean negative = s[i] == '-';
    if (negative) {
      i++;
    }
    int integerStart = i;
    // Accumulates negatively: the negative range of long is one larger.
    long accumulated = 0;
    boolean overflow = false;
    while (i < to) {
      int digit = s[i] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      if (!overflow) {
        if (accumulated < (Long.MIN_VALUE + digit) / 10) {
          overflow = true;
        } else {
          accumulated = accumulated * 10 - digit;
        }
      }
      i++;
    }
    int integerDigits = i - integerStart;
    if (integerDigits == 0 || (integerDigits > 1 && s[integerStart] == '0')) {
      return null;
    }
    if (i == to) {
      if (overflow || (!negative && accumulated == Long.MIN_VALUE)) {
        return parseDouble(s, from, to);
      }
      return negative ? accumulated : -accumulated;
    }
    if (s[i] != '.') {
      return null;
    }
    i++;
    int fractionStart = i;
    while (i < to) {
      int digit = s[i] - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      if (!overflow) {
        if (accumulated < (Long.MIN_VALUE + digit) / 10) {
          overflow = true;
        } else {
          accumulated = accumulated * 10 - digit;
        }
      }
      i++;
    }
    int fractionDigits = i - fractionStart;
    if (fractionDigits == 0) {
      return null;
    }
    if (overflow
        || accumulated < -EXACT_MANTISSA_LIMIT
        || fractionDigits >= EXACT_POWERS_OF_TEN.length) {
      return parseDouble(s, from, to);
    }
    double magnitude = -accumulated / EXACT_POWERS_OF_TEN[fractionDigits];
    return negative ? -magnitude : magnitude;
  }

  /**
   * Digits too many for a long: the nearest double, or null (a string) when even that is infinite.
   */
  private static Double parseDouble(byte[] s, int from, int to) {
    double value = Double.parseDouble(new String(s, from, to - from, StandardCharsets.ISO_8859_1));
    return Double.isInfinite(value) ? null : value;
  }

  /**
   * Whether s[from, to) is {@code name=value(,name=value)*} with every name made of letters,
   * digits, {@code _ . -}. Commas inside {@code [...]} do not split ({@code options=[a,b]}).
   */
  private static boolean isKeyValueList(byte[] s, int from, int to) {
    int i = from;
    while (true) {
      int nameEnd = i;
      while (nameEnd < to && isNameChar(s[nameEnd])) {
        nameEnd++;
      }
      if (nameEnd == i || nameEnd == to || s[nameEnd] != '=') {
        return false;
      }
      int valueEnd = valueEnd(s, nameEnd + 1, to);
      if (valueEnd == to) {
        return true;
      }
      i = valueEnd + 1;
      if (i == to) {
        return false;
      }
    }
  }

  private Map<String, Object> keyValueList(byte[] s, int from, int to) {
    CompactMap.Builder map = new CompactMap.Builder(6);
    Map<String, Integer> repeats = null;
    int i = from;
    while (i < to) {
      int equals = indexOf(s, (byte) '=', i, to);
      int valueEnd = valueEnd(s, equals + 1, to);
      String name = names.get(s, i, equals);
      Object value = typedValue(s, equals + 1, valueEnd, false);
      if (map.putIfAbsent(name, value) != null) {
        if (repeats == null) {
          repeats = new HashMap<>();
        }
        map.putIfAbsent(repeatedKey(map, "", name, repeats), value);
      }
      i = valueEnd + 1;
    }
    return map.build(layouts);
  }

  /** The index of the comma that ends the value starting at from (outside brackets), or to. */
  private static int valueEnd(byte[] s, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      byte c = s[i];
      if (c == ',' && depth == 0) {
        return i;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      }
    }
    return to;
  }

  private static boolean isNameChar(byte c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }
}
