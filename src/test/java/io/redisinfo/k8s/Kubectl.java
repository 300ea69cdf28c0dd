package io.redisinfo.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code kubectl} against a mock API server through a kubeconfig of its own. */
final class Kubectl {
  /** What one kubectl run printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("kubectl failed (" + exitCode + "): " + err + out);
      }
      return this;
    }
  }

  private final Path kubeconfig;
  private final Path cacheDir;

  Kubectl(String serverUrl, Path dir) throws IOException {
    this.kubeconfig = dir.resolve("kubeconfig");
    this.cacheDir = dir.resolve("kube-cache");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: test
          user: {token: test}
        contexts:
        - name: mock
          context: {cluster: mock, user: test, namespace: default}
        current-context: mock
        """
            .formatted(serverUrl));
  }

  static boolean installed() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.add("--request-timeout=20s");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(cacheDir.getParent(), "kubectl", ".out");
    Path err = Files.createTempFile(cacheDir.getParent(), "kubectl", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
