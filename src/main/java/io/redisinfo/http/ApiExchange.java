package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One request and its response, as handlers see it. A response is sent once: {@link #sendJson},
 * {@link #sendProblem}, {@link #sendBytes} or {@link #sendStatus}. For HEAD the same status and
 * headers are sent and the body is discarded, so handlers need not care.
 */
public final class ApiExchange {
  private static final String JSON = "application/json";

  /** Runs a handler-like step on this exchange with the server's error mapping, then closes it. */
  interface Runner {
    void run(ApiExchange exchange, ApiHandler step);
  }

  /** What {@link #answerWhen} does once its stage completes. */
  @FunctionalInterface
  public interface Answer<T> {
    /**
     * @param value the stage's value, or null when it failed
     * @param failure why the stage failed (unwrapped from {@link CompletionException}), or null
     */
    void answer(ApiExchange exchange, T value, Throwable failure) throws IOException;
  }

  private final HttpExchange exchange;
  private final boolean head;
  private final Executor executor;
  private final Runner runner;
  private QueryParams query;
  private boolean responded;
  private Runnable continuation;

  ApiExchange(HttpExchange exchange, Executor executor, Runner runner) {
    this.exchange = exchange;
    this.head = "HEAD".equals(exchange.getRequestMethod());
    this.executor = executor;
    this.runner = runner;
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

  /**
   * Sends {@code status} with a JSON body. A body of up to {@link #BUFFERED_BODY_LIMIT} bytes is
   * sent in one piece with a Content-Length; a larger one is streamed (chunked) as it is written.
   */
  public void sendJson(int status, JsonBody body) throws IOException {
    markResponded();
    exchange.getResponseHeaders().set("Content-Type", JSON);
    SizedBody out = new SizedBody(status);
    try (JsonGenerator json = Json.generator(out)) {
      body.write(json);
    } catch (IOException | RuntimeException | Error e) {
      if (!out.abandon()) {
        // Nothing sent yet: the server may still answer with a problem instead.
        responded = false;
      }
      throw e;
    }
    out.close();
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
    try (OutputStream out = responseBody()) {
      out.write(body);
    }
  }

  /** The exchange's body stream, never handed a write larger than a slice. */
  private OutputStream responseBody() {
    return new SlicedOutputStream(exchange.getResponseBody());
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
    return responseBody();
  }

  /**
   * How much of a JSON body is held back to be sent with a Content-Length: one write instead of a
   * chunk per buffer, and no chunk framing for the client to parse. A larger body is streamed so
   * that a big answer (every shard's full INFO) never sits whole in memory.
   */
  static final int BUFFERED_BODY_LIMIT = 256 * 1024;

  /**
   * The response body of {@link #sendJson}: collects up to {@link #BUFFERED_BODY_LIMIT} bytes and,
   * on close, sends them with their length; past the limit it sends the headers for a chunked body
   * and streams from then on.
   */
  private final class SizedBody extends OutputStream {
    private final int status;
    private byte[] buffer = new byte[8192];
    private int size;
    private OutputStream streaming;
    private boolean closed;

    SizedBody(int status) {
      this.status = status;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (streaming != null) {
        streaming.write(bytes, offset, length);
        return;
      }
      if (size + length > BUFFERED_BODY_LIMIT) {
        streaming = startStreaming();
        streaming.write(buffer, 0, size);
        buffer = null;
        streaming.write(bytes, offset, length);
        return;
      }
      if (size + length > buffer.length) {
        buffer =
            Arrays.copyOf(
                buffer, Math.min(BUFFERED_BODY_LIMIT, Math.max(size + length, buffer.length * 2)));
      }
      System.arraycopy(bytes, offset, buffer, size, length);
      size += length;
    }

    private OutputStream startStreaming() throws IOException {
      if (head) {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        return OutputStream.nullOutputStream();
      }
      exchange.sendResponseHeaders(status, 0);
      return responseBody();
    }

    /** Drops a body that failed half-way; returns whether part of it was already sent. */
    boolean abandon() {
      closed = true;
      buffer = null;
      return streaming != null;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (streaming != null) {
        streaming.close();
        return;
      }
      if (head) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(size));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(status, size == 0 ? -1 : size);
      try (OutputStream out = responseBody()) {
        out.write(buffer, 0, size);
      }
    }
  }

  /**
   * Answers once {@code ready} completes, without holding a worker meanwhile (a long poll, a wait
   * for a change). Must be the handler's last call; {@code answer} then runs on a worker and must
   * send the response; its exceptions are mapped like a handler's (ApiException to its problem,
   * anything else to 500). Bound the wait yourself, e.g. with {@code orTimeout}.
   */
  public <T> void answerWhen(CompletionStage<T> ready, Answer<T> answer) {
    if (responded || continuation != null) {
      throw new IllegalStateException("response already sent or deferred for " + path());
    }
    // Subscribed by the server only after the handler returned, so that the handler's thread is
    // done with this exchange before another thread can touch it.
    continuation =
        () ->
            ready.whenCompleteAsync(
                (value, failure) ->
                    runner.run(
                        this,
                        exchange ->
                            answer.answer(
                                exchange,
                                value,
                                failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause()
                                    : failure)),
                executor);
  }

  /** The deferred answer the last step asked for, once; null when it asked for none. */
  Runnable takeContinuation() {
    Runnable next = continuation;
    continuation = null;
    return next;
  }

  /** The underlying exchange, for what this class does not cover. */
  public HttpExchange raw() {
    return exchange;
  }

  private void markResponded() {
    if (responded || continuation != null) {
      throw new IllegalStateException(
          "response already sent or deferred for " + method() + " " + path());
    }
    responded = true;
  }
}
