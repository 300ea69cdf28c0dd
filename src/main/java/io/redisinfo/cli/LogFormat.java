package io.redisinfo.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** {@code --log-format}: text for people, JSON lines for log collectors. */
public enum LogFormat {
  TEXT,
  JSON;

  /** Reconfigures logging; text is logback.xml's default, so only JSON changes anything. */
  public void apply() {
    if (this != JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL config = LogFormat.class.getClassLoader().getResource("logback-json.xml");
    if (config == null) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot switch logging to JSON: " + e.getMessage(), e);
    }
  }
}
