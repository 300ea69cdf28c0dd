package io.redisinfo.k8s;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * fabric8's mock API server in CRUD mode with the generated RedisComponent CRD installed, the
 * {@code selfsubjectrulesreviews} answer JOSDK's leader election asks for, and a log of every
 * request (for counting API calls).
 */
final class MockCluster implements AutoCloseable {
  /** One request as the API server saw it. */
  record Request(long atNanos, String method, String path, String body) {}

  /** Held so the level sticks: the mock logs every request at INFO otherwise. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
    Dispatcher recording =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(
                new Request(
                    System.nanoTime(), request.getMethod(), request.getPath(), body(request)));
            return crud.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, recording, false);
    server.init();
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "create", "update")
            .endResourceRule()
            .withIncomplete(false)
            .endStatus()
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
    KubernetesClient admin = newClient();
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .load(
            new ByteArrayInputStream(
                ProjectFiles.read(ProjectFiles.path("crds/" + ProjectFiles.CRD_FILE))
                    .getBytes(StandardCharsets.UTF_8)))
        .create();
  }

  /** The body without consuming it (the CRUD dispatcher reads it after us). */
  private static String body(RecordedRequest request) {
    return request.getBody() == null
        ? ""
        : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  /** A new client of the mock (closed with the cluster). */
  synchronized KubernetesClient newClient() {
    KubernetesClient client = server.createClient();
    clients.add(client);
    return client;
  }

  List<Request> requests(Predicate<Request> filter) {
    return requests.stream().filter(filter).toList();
  }

  void clearRequests() {
    requests.clear();
  }

  @Override
  public synchronized void close() {
    clients.forEach(KubernetesClient::close);
    server.destroy();
  }
}
