package io.redisinfo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every start-up failure is one line on stderr naming the option or the cause, with exit code 2 for
 * bad input and 1 for the environment; never a stack trace.
 */
class StartupErrorsTest {
  @TempDir Path dir;

  private record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    CommandLine commandLine = Main.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Run(code, err.toString());
  }

  private static void assertOneLine(Run run) {
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aPortInUseIsOneLineAndExit1() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      Run run = run("standalone", "--http-port", Integer.toString(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .contains("--http-port " + taken.getLocalPort() + ": the port is in use")
          .contains("REDISINFO_HTTP_PORT");
      assertOneLine(run);
    }
  }

  @Test
  void aZeroReloadIntervalIsBadInput() {
    Run run = run("standalone", "--http-port", "0", "--reload-interval", "0s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--reload-interval must be greater than zero");
  }

  @Test
  void aDirectoryDirThatIsAFileIsBadInputAndAMissingOneIsCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Run run = run("standalone", "--http-port", "0", "--directory-dir", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--directory-dir " + file + ": exists and is not a directory");
  }

  @Test
  void anUnreachableApiServerIsOneLineNamingItAndExit1() throws IOException {
    int dead;
    try (ServerSocket socket = new ServerSocket(0)) {
      dead = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + dead;
    System.setProperty("kubernetes.master", url);
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    try {
      Run run = run("operator", "--http-port", "0");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("cannot reach the Kubernetes API at " + url);
      assertOneLine(run);
    } finally {
      System.clearProperty("kubernetes.master");
      System.clearProperty("kubernetes.auth.tryKubeConfig");
      System.clearProperty("kubernetes.auth.tryServiceAccount");
    }
  }

  @Test
  void anUnknownOptionIsBadInput() {
    Run run = run("standalone", "--no-such-option");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--no-such-option");
  }
}
