package io.redisinfo.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.cli.StartupFailure;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Says at start which API server, context and namespaces the operator uses, and fails with one line
 * that says what to check when the API server cannot be reached, rather than a stack trace from the
 * first informer.
 */
final class ApiServerProbe {
  private ApiServerProbe() {}

  static void check(KubernetesClient client, Set<String> namespaces, Logger log) {
    Config config = client.getConfiguration();
    String url = config.getMasterUrl();
    String context =
        config.getCurrentContext() == null
            ? "in-cluster or none"
            : config.getCurrentContext().getName();
    String version;
    // Asked once, without the client's retries (about 100 s of backoff by default): an API
    // server that does not answer now is reported now.
    try (KubernetesClient probe =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build())
            .build()) {
      version = probe.getKubernetesVersion().getGitVersion();
    } catch (KubernetesClientException e) {
      if (e.getCode() <= 0) {
        throw unreachable(url, context, e);
      }
      // It answered (some API servers and test servers have no /version): reachable.
      version = "unknown (HTTP " + e.getCode() + " for /version)";
    } catch (IllegalStateException e) {
      throw unreachable(url, context, e);
    }
    log.info(
        "Kubernetes API {} (context {}, server version {}); watching {}",
        url,
        context,
        version,
        namespaces.isEmpty() ? "all namespaces" : namespaces);
  }

  /** What went wrong, in words: the exception chain's most telling link. */
  private static String cause(Throwable e) {
    String deepest = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return "connection refused or closed (nothing listening there?)";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return "no answer in time";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + t.getMessage();
      }
      if (t.getMessage() != null) {
        deepest = t.getMessage();
      }
    }
    return deepest == null ? "no answer" : deepest;
  }

  private static StartupFailure unreachable(String url, String context, RuntimeException e) {
    return StartupFailure.environment(
        ("cannot reach the Kubernetes API at %s (context %s): %s. Check KUBECONFIG and the current"
                + " context, or run inside a cluster with a service account")
            .formatted(url, context, cause(e)),
        e);
  }
}
