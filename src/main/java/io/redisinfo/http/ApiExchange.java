package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One request and its response, as handlers see it. A response is sent once: {@link #sendJson},
 * {@link #sendProblem}, {@link #sendBytes} or {@link #sendStatus}. For HEAD the same status and
 * headers are sent and the body is discarded, so handlers need not care.
 */
public final class ApiExchange {
  private static final String JSON = "application/json";

  private final HttpExchange exchange;
  private final BiConsumer<ApiExchange, ApiHandler> server;
  private final boolean head;
  private QueryParams query;
  private volatile boolean responded;
  private Runnable pendingAnswer;

  /**
   * @param server runs a continuation with the server's error handling and closes the exchange
   */
  ApiExchange(HttpExchange exchange, BiConsumer<ApiExchange, ApiHandler> server) {
    this.exchange = exchange;
    this.server = server;
    this.head = "HEAD".equals(exchange.getRequestMethod());
  }

  /** A function from a result to the response, run when a deferred answer is known. */
  @FunctionalInterface
  public interface Continuation<T> {
    void answer(ApiExchange exchange, T result) throws IOException;
  }

  /**
   * Answers later without holding the worker thread (e.g. a long-poll): the handler returns at
   * once; when {@code result} completes, {@code then} runs on the completing thread with the same
   * error handling as a handler (an {@link ApiException}, also as the failure of {@code result},
   * becomes its problem; anything else a 500) and must send the response. Use an {@code *Async}
   * stage to run it on another executor. Call at most once, instead of sending a response. The
   * server waits for {@code result} only after the handler has returned, so the continuation never
   * races the handler.
   */
  public <T> void answerWhen(CompletionStage<T> result, Continuation<T> then) {
    if (pendingAnswer != null || responded) {
      throw new IllegalStateException("response already sent or deferred for " + path());
    }
    pendingAnswer =
        () ->
            result.whenComplete(
                (value, failure) ->
                    server.accept(
                        this,
                        ex -> {
                          if (failure != null) {
                            throw asRuntime(failure);
                          }
                          then.answer(ex, value);
                        }));
  }

  private static RuntimeException asRuntime(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("deferred answer failed", cause);
  }

  /** The deferred answer the work just run asked for, or null; clears it. */
  Runnable takePendingAnswer() {
    Runnable pending = pendingAnswer;
    pendingAnswer = null;
    return pending;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /** The decoded request path, e.g. {@code /v1/directory/shop/cache}. */
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  public boolean isHead() {
    return head;
  }

  /** The query parameters (parsed once). */
  public QueryParams query() {
    if (query == null) {
      query = QueryParams.parse(exchange.getRequestURI().getRawQuery());
    }
    return query;
  }

  /**
   * The query parameters, rejecting any not in {@code allowed} with a {@link BadRequest}.
   *
   * @throws BadRequest for an unknown parameter or a malformed query string
   */
  public QueryParams query(Collection<String> allowed) {
    return query().allowOnly(allowed);
  }

  /** The first value of a request header, or null. */
  public String requestHeader(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** Sets a response header; call before sending. */
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  public boolean responded() {
    return responded;
  }

  /** Sends {@code status} with a JSON body written straight to the response stream. */
  public void sendJson(int status, JsonBody body) throws IOException {
    try (OutputStream out = startBody(status, JSON);
        JsonGenerator json = Json.generator(out)) {
      body.write(json);
    }
  }

  /** Sends a problem document as {@code application/problem+json}. */
  public void sendProblem(Problem problem) throws IOException {
    if (problem.status() == 405) {
      setHeader("Allow", "GET, HEAD");
    }
    setHeader("Cache-Control", "no-store");
    try (OutputStream out = startBody(problem.status(), Problem.CONTENT_TYPE);
        JsonGenerator json = Json.generator(out)) {
      json.writeStartObject();
      json.writeStringField("type", problem.type());
      json.writeStringField("title", problem.title());
      json.writeNumberField("status", problem.status());
      json.writeStringField("detail", problem.detail());
      json.writeEndObject();
    }
  }

  /** Sends a complete body of a known content type (e.g. Prometheus text). */
  public void sendBytes(int status, String contentType, byte[] body) throws IOException {
    markResponded();
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends a status without a body, e.g. 304 Not Modified. */
  public void sendStatus(int status) throws IOException {
    markResponded();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /**
   * Sends status and headers and returns the stream for the body, which the caller must close. The
   * body is streamed (chunked); for HEAD the stream discards what is written.
   */
  public OutputStream startBody(int status, String contentType) throws IOException {
    markResponded();
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (head) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return OutputStream.nullOutputStream();
    }
    exchange.sendResponseHeaders(status, 0);
    return exchange.getResponseBody();
  }

  /** The underlying exchange, for what this class does not cover. */
  public HttpExchange raw() {
    return exchange;
  }

  private void markResponded() {
    if (responded) {
      throw new IllegalStateException("response already sent for " + method() + " " + path());
    }
    responded = true;
  }
}
