package io.redisinfo.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** {@code --log-format}: text for people, JSON lines for log collectors. */
public enum LogFormat {
  TEXT,
  JSON;

  /** Reconfigures logging; text is the default ({@link LogbackSetup}), so only JSON changes it. */
  public void apply() {
    if (this != JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    LogbackSetup.configure(context, true);
  }
}
