package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Replies parsed from a buffer the thread reuses give what parsing each on its own gives. */
class ReplyParserTest {
  private final ReplyParser replies = new ReplyParser(new InfoParser());

  private static ByteBuffer reply(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Info alone(String text) {
    return new InfoParser().parse(text);
  }

  @Test
  void aShortReplyAfterALongOneIsReadWithoutTheRestOfTheBuffer() {
    String full = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    String small = "# Server\r\nredis_version:7.2.4\r\n# Clients\r\nconnected_clients:3\r\n";

    InfoText text = new InfoText();
    ReplyParser.Parsed first = replies.parse(reply(full), null, text);
    ReplyParser.Parsed second = replies.parse(reply(small), first.info(), text);

    assertThat(first.info().sections()).isEqualTo(alone(full).sections());
    assertThat(second.info().sections()).isEqualTo(alone(small).sections());
    assertThat(second.info().malformedLines()).isZero();
    assertThat(second.unusable()).isFalse();
  }

  @Test
  void aReplyLargerThanTheBufferIsReadWhole() {
    StringBuilder large = new StringBuilder("# Commandstats\r\n");
    for (int i = 0; large.length() < 3 * ReplyParser.LARGEST_KEPT / 2; i++) {
      large.append("cmdstat_c").append(i).append(":calls=").append(i).append(",usec=1\r\n");
    }
    ReplyParser.Parsed parsed = replies.parse(reply(large.toString()), null, new InfoText());
    assertThat(parsed.info().sections()).isEqualTo(alone(large.toString()).sections());

    // And the thread's buffer still reads a reply of the usual size.
    String full = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    assertThat(replies.parse(reply(full), null, new InfoText()).info().sections())
        .isEqualTo(alone(full).sections());
  }

  @Test
  void aReplyWithoutSectionsIsUnusableButStillParsed() {
    ReplyParser.Parsed parsed =
        replies.parse(reply("redis_version:2.4.0\r\n"), null, new InfoText());
    assertThat(parsed.unusable()).isTrue();
    assertThat(parsed.info().get("redis_version")).isEqualTo("2.4.0");
  }

  @Test
  void theReplyIsParsedAgainstThePreviousInfo() {
    String full = InfoFixtures.read(InfoFixtures.REDIS7_MASTER);
    InfoText text = new InfoText();
    Info previous = replies.parse(reply(full), null, text).info();
    Info again = replies.parse(reply(full), previous, text).info();
    // Unchanged whole numbers are the previous objects (InfoParserSharingTest says more).
    assertThat(again.get("connected_clients")).isSameAs(previous.get("connected_clients"));
  }
}
