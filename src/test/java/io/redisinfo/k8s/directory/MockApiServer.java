package io.redisinfo.k8s.directory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.redisinfo.k8s.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's mock API server in CRUD mode with the RedisComponent CRD installed, logging every
 * request so that tests can count the writes the API server saw.
 */
final class MockApiServer implements AutoCloseable {
  record Request(String method, String path) {
    boolean isConfigMapWrite() {
      return !method.equals("GET") && path.contains("/configmaps");
    }
  }

  /** Held so the level sticks: the mock logs every request at INFO otherwise. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final AtomicInteger failingWrites = new AtomicInteger();
  private volatile int failureCode;

  MockApiServer() {
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    Dispatcher recording =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Request seen = new Request(request.getMethod(), request.getPath());
            requests.add(seen);
            if (seen.isConfigMapWrite()
                && failingWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              return new MockResponse()
                  .setResponseCode(failureCode)
                  .setBody(
                      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                          + "\"message\":\"injected failure\",\"code\":"
                          + failureCode
                          + "}");
            }
            return crud.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), recording, false);
    server.init();
    newClient()
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .load(
            new ByteArrayInputStream(
                ProjectFiles.read(ProjectFiles.path("crds/" + ProjectFiles.CRD_FILE))
                    .getBytes(StandardCharsets.UTF_8)))
        .create();
  }

  synchronized KubernetesClient newClient() {
    KubernetesClient client = server.createClient();
    clients.add(client);
    return client;
  }

  /** The next {@code times} ConfigMap writes are answered with {@code code}. */
  void failConfigMapWrites(int code, int times) {
    failureCode = code;
    failingWrites.set(times);
  }

  /** ConfigMap writes (anything but GET) the server has received. */
  long configMapWrites() {
    return requests.stream().filter(Request::isConfigMapWrite).count();
  }

  @Override
  public synchronized void close() {
    clients.forEach(KubernetesClient::close);
    server.destroy();
  }
}
