package io.redisinfo.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Requests with headers and asynchronous ones, for the directory and components tests. */
final class HttpCalls {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int port;

  HttpCalls(ApiServer server) {
    this.port = server.port();
  }

  HttpRequest request(String pathAndQuery, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder.build();
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    try {
      return client.send(request(pathAndQuery, headers), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery, String... headers) {
    return client.sendAsync(request(pathAndQuery, headers), HttpResponse.BodyHandlers.ofString());
  }
}
