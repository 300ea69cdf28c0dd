package io.redisinfo;

import io.redisinfo.cli.StartupErrorHandler;
import io.redisinfo.k8s.OperatorCommand;
import io.redisinfo.standalone.StandaloneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one runnable jar: {@code operator}, {@code standalone}, {@code --help}, {@code --version}.
 */
@Command(
    name = "redis-info-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tracks many Redis servers, polls INFO on an adaptive interval and serves it over HTTP;",
      "as a Kubernetes operator it also writes summaries into RedisComponent status."
    },
    subcommands = {OperatorCommand.class, StandaloneCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Lettuce turns every connection event into a Java Flight Recorder event when JFR is present,
   * which it always is on a JDK: the first connect then initialises JFR's whole event metadata
   * (about 40 ms of CPU in the middle of the first sweep, and its classes and tables for good) for
   * events nobody records. Off unless the user asks for them with {@code
   * -Dio.lettuce.core.jfr=true}.
   */
  static final String LETTUCE_JFR_PROPERTY = "io.lettuce.core.jfr";

  public static void main(String[] args) {
    applyProcessDefaults();
    System.exit(commandLine().execute(args));
  }

  /** Process-wide settings the libraries read once, set before any of them is loaded. */
  static void applyProcessDefaults() {
    if (System.getProperty(LETTUCE_JFR_PROPERTY) == null) {
      System.setProperty(LETTUCE_JFR_PROPERTY, "false");
    }
  }

  /** The command line with every sub-command; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // One line and exit 2 (bad input) or 1 (environment), never a stack trace.
    commandLine.setExecutionExceptionHandler(new StartupErrorHandler());
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing sub-command: give 'operator' or 'standalone' (see --help)");
  }
}
