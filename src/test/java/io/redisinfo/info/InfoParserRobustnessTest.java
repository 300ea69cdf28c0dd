package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input makes the parser throw; what it returns is still well formed. */
class InfoParserRobustnessTest {
  private static final String ALPHABET = "#:=,[]\r\n \t-.0123456789abcdbkeysmodule_ÿ\u0000\uD800€";

  private final InfoParser parser = new InfoParser();

  @Test
  void everyTruncationOfARealInfoParses() {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_KEYSPACE_STATS);
    Info whole = parser.parse(text);

    for (int end = 0; end <= text.length(); end++) {
      String prefix = text.substring(0, end);
      Info info = parse(prefix);
      assertThat(info.keys().size()).isLessThanOrEqualTo(whole.keys().size());
      assertThat(info.malformedLines()).isLessThanOrEqualTo(1);
    }
    for (int start = 0; start <= text.length(); start += 7) {
      parse(text.substring(start));
    }
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(20240611L);
    for (int round = 0; round < 5000; round++) {
      int length = random.nextInt(300);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append((char) random.nextInt(0x10000));
      }
      parse(text);
    }
  }

  @Test
  void randomInfoLikeTextNeverThrows() {
    Random random = new Random(42L);
    for (int round = 0; round < 5000; round++) {
      int length = random.nextInt(400);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      Info info = parse(text);
      assertWellFormed(info);
    }
  }

  @Test
  void mutatedRealInfoNeverThrows() {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    Random random = new Random(99L);
    for (int round = 0; round < 2000; round++) {
      StringBuilder mutated = new StringBuilder(text);
      for (int edits = random.nextInt(20); edits >= 0; edits--) {
        int at = random.nextInt(mutated.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(3)) {
          case 0 -> mutated.setCharAt(at, c);
          case 1 -> mutated.insert(at, c);
          default -> mutated.deleteCharAt(at);
        }
      }
      assertWellFormed(parse(mutated));
    }
  }

  @Test
  void hugeLinesParseInLinearTime() {
    int n = 100_000;
    StringBuilder lines = new StringBuilder();
    lines.append("big:").append("7".repeat(n)).append('\n');
    lines.append("list:");
    for (int i = 0; i < n; i++) {
      lines.append(i == 0 ? "" : ",").append("a=").append(i);
    }
    lines.append('\n').append("nocolon".repeat(n)).append('\n');
    lines.append("x".repeat(n)).append(':').append("y".repeat(n)).append('\n');
    for (int i = 0; i < n; i++) {
      lines.append("same:").append(i).append('\n');
    }
    for (int i = 0; i < n; i++) {
      lines.append("no colon\n");
    }

    Info info = parse(lines);

    assertThat(info.get("big")).as("beyond double: kept as text").isEqualTo("7".repeat(n));
    @SuppressWarnings("unchecked")
    Map<String, Object> list = (Map<String, Object>) info.get("list");
    assertThat(list).hasSize(n).containsEntry("a#" + n, (long) n - 1);
    assertThat(info.get("x".repeat(n))).isEqualTo("y".repeat(n));
    assertThat(info.keys()).containsKey("same#" + n);
    assertThat(info.malformedLines()).isEqualTo(n + 1);
  }

  private Info parse(CharSequence text) {
    Info info;
    try {
      info = parser.parse(text);
    } catch (RuntimeException | Error e) {
      throw new AssertionError("parse threw on: " + abbreviate(text), e);
    }
    assertThat(info).isNotNull();
    return info;
  }

  /** Plain checks (AssertJ per entry would dominate the run time), reported all at once. */
  private static void assertWellFormed(Info info) {
    List<String> problems = new ArrayList<>();
    if (info.malformedLines() < 0) {
      problems.add("negative malformed count");
    }
    for (Map.Entry<String, Map<String, Object>> section : info.sections().entrySet()) {
      String name = section.getKey();
      if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
        problems.add("section name " + name);
      }
      for (Map.Entry<String, Object> entry : section.getValue().entrySet()) {
        String key = entry.getKey();
        Object value = entry.getValue();
        if (key.isEmpty() || key.indexOf(':') >= 0 || key.indexOf('\n') >= 0) {
          problems.add("key " + key);
        }
        if (!(value instanceof Long
            || value instanceof Double
            || value instanceof String
            || value instanceof Map)) {
          problems.add("value " + value + " of " + key);
        }
        if (!info.keys().containsKey(key)) {
          problems.add("key " + key + " missing from keys()");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static String abbreviate(CharSequence text) {
    String s = text.toString();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
