package io.redisinfo.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logging configured in code, found by logback through {@code META-INF/services}: parsing a
 * logback.xml took a tenth of a second of every start. Text lines for people by default, JSON lines
 * with {@code --log-format json} ({@link LogFormat}). A file given with {@code
 * -Dlogback.configurationFile} still wins.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  /** Quieter than INFO: libraries whose INFO is not news to our users. */
  private static final Map<String, Level> LEVELS =
      Map.of(
          "io.lettuce", Level.WARN,
          // "Connection is already closed" when a shard is removed while its socket died.
          "io.lettuce.core.RedisChannelHandler", Level.ERROR,
          "io.netty", Level.WARN,
          "io.fabric8", Level.WARN,
          "io.javaoperatorsdk", Level.INFO);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own configuration
    }
    configure(context, false);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Replaces whatever the context logs to with one stderr appender, text or JSON lines. */
  static void configure(LoggerContext context, boolean json) {
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (json) {
      JsonEncoder lines = new JsonEncoder();
      lines.setWithFormattedMessage(true);
      lines.setWithMessage(false);
      lines.setWithArguments(false);
      lines.setWithContext(false);
      lines.setWithSequenceNumber(false);
      lines.setWithNanoseconds(false);
      encoder = lines;
    } else {
      PatternLayoutEncoder lines = new PatternLayoutEncoder();
      lines.setPattern(TEXT_PATTERN);
      encoder = lines;
    }
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }
}
