package io.redisinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogbackSetupTest {
  @Test
  void logbackFindsTheSetupInCode() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
        .isInstanceOf(ConsoleAppender.class);
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.lettuce.core.RedisChannelHandler").getLevel())
        .isEqualTo(Level.ERROR);
  }

  @Test
  void textLinesForPeopleJsonLinesForCollectors() {
    PrintStream original = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      LoggerContext context = new LoggerContext();
      context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
      LogbackSetup.configure(context, false);
      context.getLogger("io.redisinfo.x").info("hello {}", 1);
      context.getLogger("io.netty.y").info("not news");
      LogbackSetup.configure(context, true);
      context.getLogger("io.redisinfo.x").warn("as {}", "json");
      context.stop();
    } finally {
      System.setErr(original);
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.redisinfo\\.x - hello 1");
    assertThat(lines[1])
        .startsWith("{")
        .contains("\"level\":\"WARN\"")
        .contains("\"formattedMessage\":\"as json\"");
  }
}
