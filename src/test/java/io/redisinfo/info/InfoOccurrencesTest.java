package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoOccurrencesTest {
  private final InfoParser parser = new InfoParser();

  /** What occurrencesOf must answer: a scan of every key of every section. */
  private static List<Info.KeyOccurrence> scan(Info info, String key) {
    List<Info.KeyOccurrence> found = new ArrayList<>();
    int sectionIndex = 0;
    for (Map.Entry<String, Map<String, Object>> section : info.sections().entrySet()) {
      int position = 0;
      for (Map.Entry<String, Object> entry : section.getValue().entrySet()) {
        if (entry.getKey().equals(key)) {
          found.add(
              new Info.KeyOccurrence(
                  key, sectionIndex, section.getKey(), position, entry.getValue()));
        }
        position++;
      }
      sectionIndex++;
    }
    return found;
  }

  private static void assertEveryKeyFoundAsByScan(Info info) {
    List<String> keys = new ArrayList<>();
    info.sections().values().forEach(section -> keys.addAll(section.keySet()));
    keys.add("no_such_key");
    keys.add("");
    for (String key : keys) {
      assertThat(info.occurrencesOf(key)).as(key).isEqualTo(scan(info, key));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis28-master.txt",
        "redis32-replica-link-down.txt",
        "redis40-loading.txt",
        "redis50-master.txt",
        "redis62-replica-ipv6.txt",
        "redis7-keyspace-stats.txt",
        "redis7-master.txt",
        "redis7-maxmemory.txt",
        "redis7-replica.txt",
        "valkey8-master.txt"
      })
  void findsEveryKeyOfRealRepliesAsAScanWould(String fixture) {
    assertEveryKeyFoundAsByScan(parser.parse(InfoFixtures.read(fixture)));
  }

  @Test
  void findsTheOnlySectionOfAKeyWithItsPositionAndValue() {
    Info info = parser.parse("# Server\r\nredis_version:7.0.15\r\n\r\n# Memory\r\na:1\r\nb:2\r\n");

    assertThat(info.occurrencesOf("b"))
        .containsExactly(new Info.KeyOccurrence("b", 1, "memory", 1, 2L));
    assertThat(info.occurrencesOf("nope")).isEmpty();
  }

  @Test
  void keysBeforeAnyHeaderAndEmptySectionsDoNotShiftTheSections() {
    Info info = parser.parse("lonely:1\r\n# Keyspace\r\n# Memory\r\nused_memory:5\r\n");

    assertThat(info.occurrencesOf("lonely"))
        .containsExactly(new Info.KeyOccurrence("lonely", 0, "default", 0, 1L));
    assertThat(info.occurrencesOf("used_memory"))
        .containsExactly(new Info.KeyOccurrence("used_memory", 2, "memory", 0, 5L));
  }

  @Test
  void aKeyInTwoSectionsIsFoundInBoth() {
    Info info = parser.parse("# A\r\nx:1\r\ny:2\r\n# B\r\nx:3\r\n");

    assertThat(info.occurrencesOf("x"))
        .containsExactly(
            new Info.KeyOccurrence("x", 0, "a", 0, 1L), new Info.KeyOccurrence("x", 1, "b", 0, 3L));
    assertEveryKeyFoundAsByScan(info);
  }

  @Test
  void repeatedKeysAndResumedSectionsAreFoundAsByScan() {
    assertEveryKeyFoundAsByScan(
        parser.parse(
            "# Modules\r\nmodule:name=a,ver=1\r\nmodule:name=b,ver=2\r\nafter:1\r\n# Stats\r\ns:1\r\n"));
    assertEveryKeyFoundAsByScan(
        parser.parse("# A\r\na1:1\r\n# B\r\nb1:1\r\n# A\r\na2:2\r\n# B\r\nb2:2\r\n"));
  }

  @Test
  void infoBuiltFromMapsIsSearchedToo() {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    sections.put("server", Map.of("role", "master"));
    sections.put("memory", Map.of("used_memory", 7L));
    Info info = Info.of(sections, 0);

    assertThat(info.occurrencesOf("used_memory"))
        .containsExactly(new Info.KeyOccurrence("used_memory", 1, "memory", 0, 7L));
  }

  @Test
  void aManyKeyReplyIsAnsweredFromTheIndex() {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 12; s++) {
      text.append("# S").append(s).append("\r\n");
      for (int k = 0; k < 40; k++) {
        text.append("k").append(s).append('_').append(k).append(':').append(k).append("\r\n");
      }
    }
    Info info = parser.parse(text);

    assertThat(info.occurrencesOf("k7_39"))
        .containsExactly(new Info.KeyOccurrence("k7_39", 7, "s7", 39, 39L));
    assertEveryKeyFoundAsByScan(info);
  }
}
