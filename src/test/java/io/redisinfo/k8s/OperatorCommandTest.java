package io.redisinfo.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisinfo.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorCommandTest {
  @Test
  void theOperatorCommandRejectsABadPodSelectorWithAClearMessage() {
    CommandLine commandLine = Main.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("operator", "--pod-selector", "app in x", "--http-port", "0");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--pod-selector 'app in x'");
  }

  @Test
  void aSecretRefreshOfZeroIsRefused() {
    CommandLine commandLine = Main.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("operator", "--secret-refresh", "0s", "--http-port", "0");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--secret-refresh must be greater than zero");
  }
}
