package io.redisinfo.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A Redis-style glob ({@code KEYS}/{@code SCAN MATCH} syntax): {@code *} any run of characters,
 * {@code ?} one character, {@code [abc]}, {@code [a-z]} and {@code [^a-z]} one character of (not
 * of) a set, {@code \} makes the next character literal. Case-sensitive. Unlike Redis, which
 * guesses, a malformed pattern (empty, unbalanced {@code [}, empty set, trailing {@code \}) is
 * rejected, because a request with a typo should fail rather than match something unexpected.
 */
public final class Glob {
  private static final char STAR = 0;
  private static final char ANY = 1;
  private static final char LITERAL = 2;
  private static final char SET = 3;

  private final String pattern;

  /** The text to compare with when the pattern has no wildcard, else null. */
  private final String literal;

  private final char[] kinds;
  private final char[] chars;

  /** For SET tokens: ranges as pairs {@code lo, hi}. */
  private final char[][] ranges;

  private final boolean[] negated;

  private Glob(
      String pattern,
      String literal,
      char[] kinds,
      char[] chars,
      char[][] ranges,
      boolean[] negated) {
    this.pattern = pattern;
    this.literal = literal;
    this.kinds = kinds;
    this.chars = chars;
    this.ranges = ranges;
    this.negated = negated;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and where
   */
  public static Glob compile(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("empty pattern; use * to match everything");
    }
    List<Character> kinds = new ArrayList<>();
    List<Character> chars = new ArrayList<>();
    List<char[]> ranges = new ArrayList<>();
    List<Boolean> negated = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean wild = false;
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> {
          wild = true;
          if (kinds.isEmpty() || kinds.get(kinds.size() - 1) != STAR) {
            add(kinds, chars, ranges, negated, STAR, '\0', null, false);
          }
          i++;
        }
        case '?' -> {
          wild = true;
          add(kinds, chars, ranges, negated, ANY, '\0', null, false);
          i++;
        }
        case '\\' -> {
          if (i + 1 >= n) {
            throw new IllegalArgumentException(
                "'" + pattern + "' ends with '\\'; escape a backslash as '\\\\'");
          }
          char escaped = pattern.charAt(i + 1);
          literal.append(escaped);
          add(kinds, chars, ranges, negated, LITERAL, escaped, null, false);
          i += 2;
        }
        case '[' -> {
          wild = true;
          int open = i;
          i++;
          boolean not = i < n && pattern.charAt(i) == '^';
          if (not) {
            i++;
          }
          StringBuilder set = new StringBuilder();
          boolean closed = false;
          while (i < n) {
            char s = pattern.charAt(i);
            if (s == ']') {
              closed = true;
              i++;
              break;
            }
            if (s == '\\') {
              if (i + 1 >= n) {
                break;
              }
              s = pattern.charAt(++i);
            }
            char lo = s;
            char hi = s;
            if (i + 2 < n && pattern.charAt(i + 1) == '-' && pattern.charAt(i + 2) != ']') {
              i += 2;
              hi = pattern.charAt(i);
              if (hi == '\\' && i + 1 < n) {
                hi = pattern.charAt(++i);
              }
              if (hi < lo) {
                char swap = lo;
                lo = hi;
                hi = swap;
              }
            }
            set.append(lo).append(hi);
            i++;
          }
          if (!closed) {
            throw new IllegalArgumentException(
                "'" + pattern + "' has '[' at position " + (open + 1) + " without a closing ']'");
          }
          if (set.length() == 0) {
            throw new IllegalArgumentException(
                "'" + pattern + "' has an empty set '[]' at position " + (open + 1));
          }
          add(kinds, chars, ranges, negated, SET, '\0', set.toString().toCharArray(), not);
        }
        default -> {
          literal.append(c);
          add(kinds, chars, ranges, negated, LITERAL, c, null, false);
          i++;
        }
      }
    }
    int size = kinds.size();
    char[] kindArray = new char[size];
    char[] charArray = new char[size];
    char[][] rangeArray = new char[size][];
    boolean[] negatedArray = new boolean[size];
    for (int t = 0; t < size; t++) {
      kindArray[t] = kinds.get(t);
      charArray[t] = chars.get(t);
      rangeArray[t] = ranges.get(t);
      negatedArray[t] = negated.get(t);
    }
    return new Glob(
        pattern, wild ? null : literal.toString(), kindArray, charArray, rangeArray, negatedArray);
  }

  private static void add(
      List<Character> kinds,
      List<Character> chars,
      List<char[]> ranges,
      List<Boolean> negated,
      char kind,
      char c,
      char[] set,
      boolean not) {
    kinds.add(kind);
    chars.add(c);
    ranges.add(set);
    negated.add(not);
  }

  /** Whether the pattern has no wildcard, so it names exactly one string ({@link #literal()}). */
  public boolean isLiteral() {
    return literal != null;
  }

  /** The one string a wildcard-free pattern matches (escapes removed), or null. */
  public String literal() {
    return literal;
  }

  public String pattern() {
    return pattern;
  }

  public boolean matches(String text) {
    if (literal != null) {
      return literal.equals(text);
    }
    // Classic wildcard matching: on a mismatch, let the last '*' swallow one more character.
    int t = 0;
    int p = 0;
    int starP = -1;
    int starT = 0;
    int tokens = kinds.length;
    int length = text.length();
    while (t < length) {
      if (p < tokens && kinds[p] != STAR && matchesOne(p, text.charAt(t))) {
        p++;
        t++;
      } else if (p < tokens && kinds[p] == STAR) {
        starP = p++;
        starT = t;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < tokens && kinds[p] == STAR) {
      p++;
    }
    return p == tokens;
  }

  private boolean matchesOne(int token, char c) {
    switch (kinds[token]) {
      case ANY:
        return true;
      case LITERAL:
        return chars[token] == c;
      default:
        char[] set = ranges[token];
        boolean in = false;
        for (int r = 0; r < set.length; r += 2) {
          if (c >= set[r] && c <= set[r + 1]) {
            in = true;
            break;
          }
        }
        return in != negated[token];
    }
  }

  @Override
  public String toString() {
    return pattern;
  }
}
