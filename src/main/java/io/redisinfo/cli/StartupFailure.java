package io.redisinfo.cli;

/**
 * A start-up failure that ends the process with one line naming the option or the cause, and exit
 * code {@link #BAD_INPUT} (2: fix the command line or a file) or {@link #ENVIRONMENT} (1: fix the
 * machine, the network or the cluster).
 */
public final class StartupFailure extends RuntimeException {
  public static final int BAD_INPUT = 2;
  public static final int ENVIRONMENT = 1;

  private final int exitCode;

  public StartupFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static StartupFailure badInput(String message) {
    return new StartupFailure(BAD_INPUT, message, null);
  }

  public static StartupFailure environment(String message, Throwable cause) {
    return new StartupFailure(ENVIRONMENT, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
