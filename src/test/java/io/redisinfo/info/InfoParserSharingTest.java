package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

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
