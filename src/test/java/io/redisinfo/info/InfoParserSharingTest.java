package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a cached INFO shares with the next poll's (and other shards'): keys and string values. */
class InfoParserSharingTest {
  private final InfoParser parser = new InfoParser();

  @Test
  void repliesWithTheSameKeysShareKeyArraysButNotValues() {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    Info first = parser.parse(text);
    Info second =
        parser.parse(
            text.replace("total_commands_processed:10\r\n", "total_commands_processed:40\r\n"));

    assertThat(compact(second.keys()).sharesKeysWith(compact(first.keys()))).isTrue();
    assertThat(compact(second.sections()).sharesKeysWith(compact(first.sections()))).isTrue();
    for (String section : first.sections().keySet()) {
      CompactMap before = compact(first.sections().get(section));
      assertThat(compact(second.sections().get(section)).sharesKeysWith(before))
          .as(section)
          .isTrue();
    }
    assertThat(first.getLong("total_commands_processed")).isEqualTo(10L);
    assertThat(second.getLong("total_commands_processed")).isEqualTo(40L);
    assertThat(second.occurrencesOf("total_commands_processed"))
        .singleElement()
        .satisfies(found -> assertThat(found.section()).isEqualTo("stats"));
  }

  @Test
  void wholeNumbersThatDidNotChangeAreTheLastPollsObjects() {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    Info first = parser.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String changed =
        text.replace("total_commands_processed:10\r\n", "total_commands_processed:40\r\n")
            .replace("uptime_in_seconds:5\r\n", "uptime_in_seconds:05\r\n");
    Info second = parser.parse(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), first);

    assertThat(second.sections()).isEqualTo(parser.parse(changed).sections());
    assertThat(second.keys()).isEqualTo(parser.parse(changed).keys());
    // 25419: beyond the small Longs Long.valueOf shares anyway.
    assertThat(second.get("tcp_port")).isEqualTo(25419L).isSameAs(first.get("tcp_port"));
    assertThat(second.sections().get("server").get("tcp_port")).isSameAs(first.get("tcp_port"));
    assertThat(parser.parse(changed).get("tcp_port")).isNotSameAs(first.get("tcp_port"));
    assertThat(second.getLong("total_commands_processed")).isEqualTo(40L);
    // A leading zero makes an identifier of it (a String), never the previous number.
    assertThat(second.get("uptime_in_seconds")).isEqualTo("05");
    // Keys moved: nothing is taken from another key's position.
    Info shifted = parser.parse(("extra:1\r\n" + text).getBytes(), first);
    assertThat(shifted.keys()).isEqualTo(parser.parse("extra:1\r\n" + text).keys());
  }

  @Test
  void aReplyParsedAgainstThePreviousGivesExactlyWhatAFreshParseGives() {
    String base = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    Info previous = parser.parse(bytes(base));
    List<String> replies = InfoFixtures.changesOf(base);
    for (String reply : replies) {
      Info fresh = new InfoParser().parse(bytes(reply));
      Info likePrevious = parser.parse(bytes(reply), previous);

      assertThat(ordered(likePrevious)).as(reply).isEqualTo(ordered(fresh));
      assertThat(likePrevious.malformedLines()).as(reply).isEqualTo(fresh.malformedLines());
      for (String key : fresh.keys().keySet()) {
        assertThat(likePrevious.occurrencesOf(key)).as(key).isEqualTo(fresh.occurrencesOf(key));
      }
    }
    assertThat(parser.parse(bytes(base), previous).sameKeysAs(previous)).isTrue();
  }

  @Test
  void retainingKeysOfAParsedInfoGivesWhatRetainingThemOfAnyInfoGives() {
    Info parsed = parser.parse(bytes(InfoFixtures.read(InfoFixtures.REDIS7_MASTER)));
    Info copied = Info.of(parsed.sections(), 0); // plain maps: the general way
    java.util.Set<String> keep =
        new java.util.LinkedHashSet<>(
            List.of(
                "used_memory",
                "no_such_key",
                "role",
                "total_commands_processed",
                "db0",
                "redis_version",
                "keyspace_hits"));

    Info retained = parsed.retain(keep);

    assertThat(ordered(retained)).isEqualTo(ordered(copied.retain(keep)));
    assertThat(retained.sections().keySet()).containsExactlyElementsOf(parsed.sections().keySet());
    assertThat(retained.keys().keySet())
        .containsExactly(
            "redis_version",
            "used_memory",
            "total_commands_processed",
            "keyspace_hits",
            "role",
            "db0");
  }

  /** Sections and keys with their order (Map.equals ignores it). */
  private static List<Object> ordered(Info info) {
    List<Object> all = new ArrayList<>();
    info.sections()
        .forEach((name, keys) -> all.add(List.of(name, new ArrayList<>(keys.entrySet()))));
    all.add(new ArrayList<>(info.keys().entrySet()));
    return all;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void isDecimalIsExactlyTheTextOfTheNumber() {
    for (long n :
        new long[] {0, 1, -1, 7, 10, -10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      byte[] text = Long.toString(n).getBytes();
      assertThat(InfoParser.isDecimal(text, 0, text.length, n)).as("%d", n).isTrue();
    }
    assertThat(InfoParser.isDecimal("010".getBytes(), 0, 3, 10)).isFalse();
    assertThat(InfoParser.isDecimal("00".getBytes(), 0, 2, 0)).isFalse();
    assertThat(InfoParser.isDecimal("-0".getBytes(), 0, 2, 0)).isFalse();
    assertThat(InfoParser.isDecimal("11".getBytes(), 0, 2, 1)).isFalse();
    assertThat(InfoParser.isDecimal("1".getBytes(), 0, 1, 11)).isFalse();
    assertThat(InfoParser.isDecimal("5".getBytes(), 0, 1, -5)).isFalse();
    assertThat(InfoParser.isDecimal("-5".getBytes(), 0, 2, 5)).isFalse();
    assertThat(InfoParser.isDecimal("x12".getBytes(), 1, 3, 12)).isTrue();
    assertThat(InfoParser.isDecimal("12.0".getBytes(), 0, 4, 12)).isFalse();
    assertThat(InfoParser.isDecimal("".getBytes(), 0, 0, 0)).isFalse();
    assertThat(InfoParser.isDecimal("-".getBytes(), 0, 1, -1)).isFalse();
    // Nineteen digits beyond the range of a long wrap around 2^64: never to the n given.
    long wrapped = 8446744073709551617L; // 2^64 - 9999999999999999999
    assertThat(InfoParser.isDecimal("9999999999999999999".getBytes(), 0, 19, wrapped)).isFalse();
    assertThat(InfoParser.isDecimal("9999999999999999999".getBytes(), 0, 19, -wrapped)).isFalse();
    assertThat(InfoParser.isDecimal("-9999999999999999999".getBytes(), 0, 20, -wrapped)).isFalse();
    assertThat(InfoParser.isDecimal("-9999999999999999999".getBytes(), 0, 20, wrapped)).isFalse();
    assertThat(InfoParser.isDecimal("9223372036854775808".getBytes(), 0, 19, Long.MIN_VALUE))
        .isFalse();
    assertThat(InfoParser.isDecimal("12345678901234567890".getBytes(), 0, 20, 1)).isFalse();
  }

  @Test
  void sameKeysAsTellsWhetherTheKeysOrSectionsDiffer() {
    String text = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    Info first = parser.parse(text);

    assertThat(parser.parse(text.replace(":10\r\n", ":40\r\n")).sameKeysAs(first)).isTrue();
    assertThat(parser.parse(text + "new_key:1\r\n").sameKeysAs(first)).isFalse();
    assertThat(parser.parse(text + "# Extra\r\n").sameKeysAs(first))
        .as("an empty section more")
        .isFalse();
    assertThat(first.sameKeysAs(null)).isFalse();
    assertThat(Info.of(first.sections(), 0).sameKeysAs(first))
        .as("cannot tell cheaply: says no")
        .isFalse();
  }

  @Test
  void nestedValuesWithTheSameNamesShareThem() {
    Info info =
        parser.parse(
            "# Commandstats\r\n"
                + "cmdstat_get:calls=1,usec=2,usec_per_call=2.00,rejected_calls=0,failed_calls=0\r\n"
                + "cmdstat_set:calls=3,usec=4,usec_per_call=1.33,rejected_calls=0,failed_calls=0\r\n");

    Object get = info.get("cmdstat_get");
    Object set = info.get("cmdstat_set");

    assertThat(compact(set).sharesKeysWith(compact(get))).isTrue();
    assertThat(((Map<?, ?>) set).get("calls")).isEqualTo(3L);
    assertThat(((Map<?, ?>) get).get("usec_per_call")).isEqualTo(2.0);
  }

  @Test
  void equalStringValuesAreOneInstance() {
    Info first = parser.parse("role:master\r\nos:Linux 6.1.0 x86_64\r\n");
    Info second = parser.parse("role:master\r\nos:Linux 6.1.0 x86_64\r\n");

    assertThat(second.get("role")).isEqualTo("master").isSameAs(first.get("role"));
    assertThat(second.get("os")).isSameAs(first.get("os"));
  }

  private static CompactMap compact(Object map) {
    assertThat(map).isInstanceOf(CompactMap.class);
    return (CompactMap) map;
  }
}
