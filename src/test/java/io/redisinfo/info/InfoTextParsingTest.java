package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsing a reply against the shard's last reply text ({@link InfoText}) gives exactly what parsing
 * it on its own gives, whatever changed, and keeps every value of an unchanged line as it was.
 */
class InfoTextParsingTest {
  private static final String BASE = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);

  private static List<Object> ordered(Info info) {
    List<Object> all = new ArrayList<>();
    info.sections()
        .forEach((name, keys) -> all.add(List.of(name, new ArrayList<>(keys.entrySet()))));
    all.add(new ArrayList<>(info.keys().entrySet()));
    all.add(info.malformedLines());
    return all;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Parses into a buffer longer than the reply, as the poller's reused buffer is. */
  private static Info parse(InfoParser parser, String reply, Info previous, InfoText text) {
    byte[] exact = bytes(reply);
    byte[] buffer = Arrays.copyOf(exact, exact.length + 64);
    Arrays.fill(buffer, exact.length, buffer.length, (byte) '#');
    return parser.parse(buffer, exact.length, previous, text);
  }

  @Test
  void everyValueOfAnUnchangedLineIsTheLastReplysObject() {
    InfoParser parser = new InfoParser();
    InfoText text = new InfoText();
    // The text is kept from the second reply on (see InfoParser#parse).
    Info first = parse(parser, BASE, parse(parser, BASE, null, text), text);
    String changed =
        BASE.replace("total_commands_processed:10\r\n", "total_commands_processed:4100\r\n");
    Info second = parse(parser, changed, first, text);

    assertThat(ordered(second)).isEqualTo(ordered(new InfoParser().parse(bytes(changed))));
    assertThat(second.get("total_commands_processed")).isEqualTo(4100L);
    // Strings, decimals and nested maps too, which only the text comparison keeps.
    for (String key : List.of("redis_version", "mem_fragmentation_ratio", "db0", "role")) {
      assertThat(second.get(key)).as(key).isNotNull().isSameAs(first.get(key));
    }
    // And the text now describes the second reply.
    Info third = parse(parser, changed, second, text);
    assertThat(third.get("total_commands_processed"))
        .isSameAs(second.get("total_commands_processed"));
  }

  @Test
  void handPickedChangesGiveWhatAFreshParseGives() {
    List<String> replies = InfoFixtures.changesOf(BASE);
    for (String reply : replies) {
      InfoParser parser = new InfoParser();
      InfoText text = new InfoText();
      Info previous = parse(parser, BASE, parse(parser, BASE, null, text), text);
      Info against = parse(parser, reply, previous, text);
      assertThat(ordered(against))
          .as(reply)
          .isEqualTo(ordered(new InfoParser().parse(bytes(reply))));
      // Whatever the text holds now serves the next reply.
      Info back = parse(parser, BASE, against, text);
      assertThat(ordered(back)).as(reply).isEqualTo(ordered(new InfoParser().parse(bytes(BASE))));
    }
  }

  @Test
  void aLastLineChangedWithMoreAfterItIsNotTakenForTheEnd() {
    String unterminated = BASE.stripTrailing();
    // The last value's last digit: the texts differ before the first one ends.
    String changedLast = unterminated.substring(0, unterminated.length() - 1) + "7";
    for (String reply :
        List.of(
            changedLast + "\r\n# Extra\r\nmore:1\r\n",
            changedLast + "\r\nmore:1",
            changedLast,
            changedLast + "1",
            unterminated + "\r\nmore:1")) {
      InfoParser parser = new InfoParser();
      InfoText text = new InfoText();
      Info previous = parse(parser, unterminated, parse(parser, unterminated, null, text), text);
      assertThat(ordered(parse(parser, reply, previous, text)))
          .as(reply)
          .isEqualTo(ordered(new InfoParser().parse(bytes(reply))));
    }
  }

  @Test
  void randomChangesGiveWhatAFreshParseGives() {
    Random random = new Random(20261204);
    for (String fixture :
        List.of(
            InfoFixtures.REDIS7_MASTER,
            InfoFixtures.REDIS7_REPLICA,
            InfoFixtures.REDIS7_KEYSPACE_STATS,
            InfoFixtures.REDIS7_MAXMEMORY)) {
      InfoParser parser = new InfoParser();
      InfoText text = new InfoText();
      List<String> lines = new ArrayList<>(Arrays.asList(InfoFixtures.read(fixture).split("\r\n")));
      Info previous = null;
      for (int step = 0; step < 400; step++) {
        mutate(lines, random);
        String reply = String.join("\r\n", lines) + (random.nextInt(20) == 0 ? "" : "\r\n");
        Info against = parse(parser, reply, previous, text);
        assertThat(ordered(against))
            .as("%s step %d", fixture, step)
            .isEqualTo(ordered(new InfoParser().parse(bytes(reply))));
        previous = against;
      }
    }
  }

  /** Changes a few values, and now and then a line, a key or a header. */
  private static void mutate(List<String> lines, Random random) {
    for (int changes = random.nextInt(6); changes > 0; changes--) {
      int i = random.nextInt(lines.size());
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        String value =
            switch (random.nextInt(6)) {
              case 0 -> Long.toString(random.nextLong() >> random.nextInt(63));
              case 1 -> Long.toString(random.nextInt(1000));
              case 2 -> String.format("%.2f", random.nextDouble() * 100);
              case 3 -> "keys=" + random.nextInt(100) + ",expires=0,avg_ttl=" + random.nextInt(9);
              case 4 -> "text" + random.nextInt(3);
              default -> "";
            };
        lines.set(i, line.substring(0, colon + 1) + value);
      }
    }
    if (random.nextInt(10) == 0) {
      int i = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, "inserted_" + random.nextInt(3) + ":" + random.nextInt(9));
        case 2 -> lines.set(i, "x" + lines.get(i));
        case 3 -> lines.add(i, "# Section" + random.nextInt(3));
        case 4 -> lines.add(i, random.nextBoolean() ? "" : "no colon here");
        default -> lines.set(i, lines.get(i) + " ");
      }
    }
  }
}
