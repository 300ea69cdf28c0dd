package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoParserTest {
  private final InfoParser parser = new InfoParser();

  @Test
  void nullAndEmptyGiveEmptyInfo() {
    assertThat(parser.parse((CharSequence) null).isEmpty()).isTrue();
    assertThat(parser.parse("").isEmpty()).isTrue();
    assertThat(parser.parse("\r\n\n  \r\n").isEmpty()).isTrue();
    assertThat(parser.parse("\r\n\n  \r\n").malformedLines()).isZero();
  }

  @Test
  void readsTheUtf8BytesRedisSends() {
    // A config file path, a module name or a client library may carry any UTF-8 text.
    String text =
        "# Server\r\nconfig_file:/etc/caf\u00e9/\u2603.conf\r\n# \u00c9x\r\nk\u00e9y:x=\u00e9,y=2\r\n";
    Info fromBytes = parser.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(fromBytes.getString("config_file")).isEqualTo("/etc/caf\u00e9/\u2603.conf");
    assertThat(fromBytes.sections()).containsOnlyKeys("server", "\u00c9x");
    assertThat(fromBytes.sections().get("\u00c9x").get("k\u00e9y"))
        .isEqualTo(Map.of("x", "\u00e9", "y", 2L));
    assertThat(fromBytes.malformedLines()).isZero();
    assertThat(parser.parse(text).keys()).isEqualTo(fromBytes.keys());
  }

  @Test
  void sectionNamesAreLowerCasedAndKeptInOrder() {
    Info info =
        parser.parse("# Server\r\nredis_version:7.0.15\r\n\r\n# Keyspace\r\n# CPU\r\na:1\r\n");

    assertThat(info.sections()).containsOnlyKeys("server", "keyspace", "cpu");
    assertThat(info.sections().keySet()).containsExactly("server", "keyspace", "cpu");
    assertThat(info.sections().get("keyspace")).isEmpty();
    assertThat(info.sections().get("cpu")).containsExactly(entry("a", 1L));
  }

  @Test
  void linesBeforeAnyHeaderGoToTheDefaultSection() {
    Info info = parser.parse("role:master\nconnected_slaves:0\n# Server\nredis_version:2.8.0\n");

    assertThat(info.sections().keySet()).containsExactly("default", "server");
    assertThat(info.sections().get("default"))
        .containsExactly(entry("role", "master"), entry("connected_slaves", 0L));
  }

  @Test
  void aHeaderSeenTwiceAddsToTheSameSection() {
    Info info = parser.parse("# Stats\na:1\n# CPU\nb:2\n# STATS\nc:3\n");

    assertThat(info.sections().keySet()).containsExactly("stats", "cpu");
    assertThat(info.sections().get("stats")).containsExactly(entry("a", 1L), entry("c", 3L));
  }

  @Test
  void splitsAtTheFirstColonOnly() {
    Info info = parser.parse("master_host:::1\nendpoint:http://h:80/x\nempty:\n");

    assertThat(info.get("master_host")).isEqualTo("::1");
    assertThat(info.get("endpoint")).isEqualTo("http://h:80/x");
    assertThat(info.get("empty")).isEqualTo("");
  }

  @Test
  void crlfAndLfAndTrailingBlanksAreAllLineEnds() {
    Info crlf = parser.parse("# Server\r\na:1\r\nb:x\r\n");
    Info lf = parser.parse("# Server\na:1\nb:x");
    Info padded = parser.parse("  # Server  \n\ta:1 \r\nb:x\t\r\n");

    assertThat(crlf.sections()).isEqualTo(lf.sections()).isEqualTo(padded.sections());
    assertThat(crlf.get("b")).isEqualTo("x");
  }

  @Test
  void typesWholeNumbersAsLong() {
    Info info =
        parser.parse(
            "a:0\nb:42\nc:-1\nd:9223372036854775807\ne:-9223372036854775808\nf:1795307155378305\n");

    assertThat(info.keys())
        .containsExactly(
            entry("a", 0L),
            entry("b", 42L),
            entry("c", -1L),
            entry("d", Long.MAX_VALUE),
            entry("e", Long.MIN_VALUE),
            entry("f", 1795307155378305L));
  }

  @Test
  void wholeNumbersBeyondLongBecomeDouble() {
    Info info = parser.parse("big:9223372036854775808\nneg:-99999999999999999999\n");

    assertThat(info.get("big")).isEqualTo(9.223372036854775808e18);
    assertThat(info.get("neg")).isEqualTo(-1e20);
  }

  @Test
  void typesDecimalsAsDouble() {
    Info info =
        parser.parse(
            "a:0.00\nb:-1.5\nc:4.52\nd:10234.560000\ne:2048.91\nf:0.1\n"
                + "g:3.14159265358979323846264\nh:123456789012345678.5\n");

    assertThat(info.get("a")).isEqualTo(0.0);
    assertThat(info.get("b")).isEqualTo(-1.5);
    assertThat(info.get("c")).isEqualTo(4.52);
    assertThat(info.get("d")).isEqualTo(10234.56);
    assertThat(info.get("e")).isEqualTo(2048.91);
    assertThat(info.get("f")).isEqualTo(0.1);
    assertThat(info.get("g")).isEqualTo(Math.PI);
    assertThat(info.get("h")).isEqualTo(123456789012345678.5);
  }

  @Test
  void decimalsAreRoundedExactlyLikeDoubleParseDouble() {
    java.util.Random random = new java.util.Random(7);
    StringBuilder text = new StringBuilder();
    String[] expected = new String[2000];
    for (int i = 0; i < expected.length; i++) {
      long whole =
          random.nextInt(4) == 0 ? (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(64) : i;
      String fraction = Long.toString((random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(64));
      String sign = random.nextBoolean() ? "-" : "";
      expected[i] = sign + whole + "." + fraction;
      text.append('k').append(i).append(':').append(expected[i]).append('\n');
    }

    Info info = parser.parse(text);

    for (int i = 0; i < expected.length; i++) {
      assertThat(info.get("k" + i)).as(expected[i]).isEqualTo(Double.parseDouble(expected[i]));
    }
  }

  @Test
  void anythingElseIsAString() {
    Info info =
        parser.parse(
            "v:7.0.15\ni:inf\nn:-nan\np:+5\nx:0x1f\nl:00000000\nd:1.\ne:.5\nf:1e3\ng:-\nh:12ab\n"
                + "m:1.02M\nq:98.50%\nsp:1 2\n");

    assertThat(info.keys().values())
        .allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
    assertThat(info.get("v")).isEqualTo("7.0.15");
    assertThat(info.get("l")).isEqualTo("00000000");
    assertThat(info.get("m")).isEqualTo("1.02M");
  }

  @Test
  void keyValueListsBecomeOrderedTypedMaps() {
    Info info =
        parser.parse(
            "db0:keys=25,expires=5,avg_ttl=3599950\n"
                + "cmdstat_get:calls=14,usec=31,usec_per_call=2.21,rejected_calls=0,failed_calls=0\n"
                + "slave0:ip=127.0.0.1,port=22040,state=online,offset=0,lag=0\n"
                + "latency_percentiles_usec_get:p50=2.007,p99=3.007,p99.9=3.007\n"
                + "errorstat_ERR:count=2\n");

    assertThat(info.get("db0")).isEqualTo(Map.of("keys", 25L, "expires", 5L, "avg_ttl", 3599950L));
    @SuppressWarnings("unchecked")
    Map<String, Object> get = (Map<String, Object>) info.get("cmdstat_get");
    assertThat(get.keySet())
        .containsExactly("calls", "usec", "usec_per_call", "rejected_calls", "failed_calls");
    assertThat(get).containsEntry("usec_per_call", 2.21);
    assertThat(info.get("slave0"))
        .isEqualTo(
            Map.of("ip", "127.0.0.1", "port", 22040L, "state", "online", "offset", 0L, "lag", 0L));
    assertThat(info.get("latency_percentiles_usec_get"))
        .isEqualTo(Map.of("p50", 2.007, "p99", 3.007, "p99.9", 3.007));
    assertThat(info.get("errorstat_ERR")).isEqualTo(Map.of("count", 2L));
  }

  @Test
  void anyKeyValueListIsAMapIncludingBracketsAndEmptyValues() {
    Info info =
        parser.parse(
            "module:name=search,ver=20803,api=1,filters=0,usedby=[],using=[],options=[]\n"
                + "other:opts=[a,b],x=\n");

    assertThat(info.get("module"))
        .isEqualTo(
            Map.of(
                "name", "search", "ver", 20803L, "api", 1L, "filters", 0L, "usedby", "[]", "using",
                "[]", "options", "[]"));
    assertThat(info.get("other")).isEqualTo(Map.of("opts", "[a,b]", "x", ""));
  }

  @Test
  void valuesThatOnlyLookLikeKeyValueListsStayStrings() {
    Info info =
        parser.parse(
            "executable:/a=b\nc:a=1,\nd:a=1,,b=2\ne:=1\nf:a b=1\ng:a=1,/x=2\nh:a=1,b\ni:x,a=1\n");

    assertThat(info.keys())
        .containsExactly(
            entry("executable", "/a=b"),
            entry("c", "a=1,"),
            entry("d", "a=1,,b=2"),
            entry("e", "=1"),
            entry("f", "a b=1"),
            entry("g", "a=1,/x=2"),
            entry("h", "a=1,b"),
            entry("i", "x,a=1"));
  }

  @Test
  void nestedValuesAreNotNestedAgain() {
    Info info = parser.parse("a:x=y=z,b=c=1\n");

    assertThat(info.get("a")).isEqualTo(Map.of("x", "y=z", "b", "c=1"));
  }

  @Test
  void repeatedKeysAreAllKeptWithANumber() {
    Info info =
        parser.parse(
            "# Modules\r\nmodule#2:taken\r\nmodule:name=a,ver=1\r\nmodule:name=b,ver=2\r\n"
                + "module:name=c,ver=3\r\n# Server\r\nmodule:other\r\n"
                + "listener0:name=tcp,bind=*,bind=-::*,port=6379\r\n");

    assertThat(info.sections().get("modules").keySet())
        .containsExactly("module#2", "module", "module#3", "module#4");
    assertThat(info.sections().get("modules"))
        .containsEntry("module#2", "taken")
        .containsEntry("module", Map.of("name", "a", "ver", 1L))
        .containsEntry("module#3", Map.of("name", "b", "ver", 2L))
        .containsEntry("module#4", Map.of("name", "c", "ver", 3L));
    assertThat(info.sections().get("server")).containsEntry("module", "other");
    assertThat(info.get("module")).as("first occurrence wins in keys()").isInstanceOf(Map.class);
    assertThat(info.get("listener0"))
        .isEqualTo(Map.of("name", "tcp", "bind", "*", "bind#2", "-::*", "port", 6379L));
  }

  @Test
  void countsAndSkipsMalformedLines() {
    Info info = parser.parse("# Server\nok:1\nno colon here\n:novalue\n#\n   #  \nalso:2\ngarbage");

    assertThat(info.malformedLines()).isEqualTo(5);
    assertThat(info.keys()).containsExactly(entry("ok", 1L), entry("also", 2L));
  }

  @Test
  void onlyMalformedLinesGiveAnEmptyInfoThatCountsThem() {
    Info info = parser.parse("hello\nworld\n");

    assertThat(info.isEmpty()).isTrue();
    assertThat(info.sections()).isEmpty();
    assertThat(info.malformedLines()).isEqualTo(2);
  }

  @Test
  void resultIsUnmodifiable() {
    Info info = parser.parse("# Keyspace\ndb0:keys=1,expires=0,avg_ttl=0\n");

    assertThatThrownBy(() -> info.sections().put("x", Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> info.sections().get("keyspace").put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> info.keys().remove("db0"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> db0 = (Map<String, Object>) info.get("db0");
    assertThatThrownBy(() -> db0.put("keys", 2L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void acceptsAnyCharSequence() {
    Info info = parser.parse(new StringBuilder("# Server\nredis_version:7.0.15\nhz:10\n"));

    assertThat(info.get("hz")).isEqualTo(10L);
  }

  @Test
  void reusesTheStringsOfNamesSeenBefore() {
    Info first = parser.parse("# Stats\ntotal_commands_processed:1\ndb0:keys=1\n");
    Info second =
        parser.parse(new StringBuilder("# Stats\ntotal_commands_processed:2\ndb0:keys=2\n"));

    String firstKey = first.keys().keySet().iterator().next();
    String secondKey = second.keys().keySet().iterator().next();
    assertThat(secondKey).isEqualTo("total_commands_processed").isSameAs(firstKey);
    assertThat(second.sections().keySet().iterator().next())
        .isSameAs(first.sections().keySet().iterator().next());
  }
}
