package io.redisinfo.cli;

import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.PollingRange;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every mode has, each with an environment-variable twin. */
public final class CommonOptions {
  @Option(
      names = "--http-port",
      defaultValue = "${env:REDISINFO_HTTP_PORT:-8080}",
      description =
          "HTTP API port; 0 = any free port, printed at start (env REDISINFO_HTTP_PORT; default ${DEFAULT-VALUE}).")
  public int httpPort;

  @Option(
      names = "--min-interval",
      defaultValue = "${env:REDISINFO_MIN_INTERVAL:-1s}",
      converter = DurationConverter.class,
      description =
          "Shortest poll interval (env REDISINFO_MIN_INTERVAL; default ${DEFAULT-VALUE}).")
  public Duration minInterval;

  @Option(
      names = "--max-interval",
      defaultValue = "${env:REDISINFO_MAX_INTERVAL:-15s}",
      converter = DurationConverter.class,
      description = "Longest poll interval (env REDISINFO_MAX_INTERVAL; default ${DEFAULT-VALUE}).")
  public Duration maxInterval;

  @Option(
      names = "--timeout",
      defaultValue = "${env:REDISINFO_TIMEOUT:-2s}",
      converter = DurationConverter.class,
      description =
          "Timeout of each INFO command and connect (env REDISINFO_TIMEOUT; default ${DEFAULT-VALUE}).")
  public Duration timeout;

  @Option(
      names = "--log-format",
      defaultValue = "${env:REDISINFO_LOG_FORMAT:-text}",
      description = "text or json (env REDISINFO_LOG_FORMAT; default ${DEFAULT-VALUE}).")
  public LogFormat logFormat;

  /**
   * @throws IllegalArgumentException when the range or timeout make no sense, saying why
   */
  public PollerOptions pollerOptions() {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("--http-port " + httpPort + " is outside 0-65535");
    }
    return PollerOptions.builder()
        .range(new PollingRange(minInterval, maxInterval))
        .timeout(timeout)
        .build();
  }
}
