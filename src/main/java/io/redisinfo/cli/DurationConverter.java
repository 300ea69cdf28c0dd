package io.redisinfo.cli;

import io.redisinfo.common.GoDuration;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 2s}, {@code 1m} options. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
