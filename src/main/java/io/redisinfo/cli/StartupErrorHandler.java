package io.redisinfo.cli;

import java.io.PrintWriter;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on stderr and an exit code, instead of a stack trace:
 * {@link StartupFailure}s say what to do themselves; an {@link IllegalArgumentException} is bad
 * input (2); anything else is the environment (1), with the stack trace at debug level for those
 * who ask for it.
 */
public final class StartupErrorHandler implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StartupErrorHandler.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    StartupFailure failure = classify(exception);
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandName() + ": " + failure.getMessage());
    err.flush();
    LOG.debug("start-up failed", exception);
    return failure.exitCode();
  }

  static StartupFailure classify(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StartupFailure failure) {
        return failure;
      }
    }
    BindException bind = find(exception, BindException.class);
    if (bind != null) {
      return StartupFailure.environment(
          "cannot listen on the HTTP port: "
              + bind.getMessage()
              + " (another process has it; choose another with --http-port or REDISINFO_HTTP_PORT)",
          exception);
    }
    if (exception instanceof IllegalArgumentException) {
      return new StartupFailure(StartupFailure.BAD_INPUT, exception.getMessage(), exception);
    }
    String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
    return StartupFailure.environment(message, exception);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
