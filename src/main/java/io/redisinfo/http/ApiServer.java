package io.redisinfo.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP API on the JDK's {@link HttpServer}: routes by exact path or path prefix, GET
 * and HEAD only, errors as {@code application/problem+json}.
 *
 * <p>Requests run on a bounded pool of daemon threads with a bounded queue; when both are full the
 * JDK server closes the new connection rather than queueing without limit.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.start(new InetSocketAddress(8080), ApiServer.Limits.DEFAULT)) {
 *   server.route("/v1/shards", new ShardsHandler(registry));
 *   server.route("/v1/directory/", directoryEntryHandler); // prefix: ends with '/'
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /** The JDK server's switch for TCP_NODELAY on accepted connections, read once per JVM. */
  static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server flushes status line and headers before the body. With Nagle's algorithm on,
    // the body then waits for the client's (delayed) ACK of the headers: ~40 ms per keep-alive
    // request, measured at 170 requests/s instead of over 10,000. Must be set before the JDK
    // server's configuration class loads, i.e. before the first HttpServer of the JVM.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  /**
   * How much work the server takes on at once.
   *
   * @param workerThreads requests served concurrently (handlers may wait, e.g. for a refresh)
   * @param queueCapacity requests accepted and waiting for a worker
   */
  public record Limits(int workerThreads, int queueCapacity) {
    public static final Limits DEFAULT = new Limits(16, 1024);

    public Limits {
      if (workerThreads < 1) {
        throw new IllegalArgumentException("workerThreads must be >= 1, got " + workerThreads);
      }
      if (queueCapacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
      }
    }
  }

  private record PrefixRoute(String prefix, ApiHandler handler) {}

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final Map<String, ApiHandler> exactRoutes = new ConcurrentHashMap<>();
  private final List<PrefixRoute> prefixRoutes = new CopyOnWriteArrayList<>();

  /** Runs deferred answers on the workers, or inline when they are saturated: never drops one. */
  private final Executor deferredAnswers;

  private ApiServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
    this.deferredAnswers =
        task -> {
          try {
            workers.execute(task);
          } catch (RejectedExecutionException e) {
            task.run();
          }
        };
  }

  /**
   * Binds {@code address} (port 0 = any free port, see {@link #port()}) and starts serving. Routes
   * may be added before or after.
   *
   * @throws UncheckedIOException when the address cannot be bound (e.g. the port is in use)
   */
  public static ApiServer start(InetSocketAddress address, Limits limits) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (java.net.BindException e) {
      throw io.redisinfo.cli.StartupFailure.environment(
          "--http-port "
              + address.getPort()
              + ": the port is in use ("
              + e.getMessage()
              + "); choose another with --http-port or REDISINFO_HTTP_PORT",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for HTTP on " + address + ": " + e, e);
    }
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            limits.workerThreads(),
            limits.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.queueCapacity()),
            daemonThreads("http-worker-"),
            new ThreadPoolExecutor.AbortPolicy());
    ApiServer api = new ApiServer(server, workers);
    server.createContext("/", api::dispatch);
    server.setExecutor(workers);
    server.start();
    log.info("HTTP API listening on port {}", api.port());
    return api;
  }

  /** Starts on all interfaces with the default limits. */
  public static ApiServer start(int port) {
    return start(new InetSocketAddress(port), Limits.DEFAULT);
  }

  /**
   * Serves {@code path} with {@code handler}: a path ending in {@code /} is a prefix (the longest
   * matching prefix wins; {@code /v1/directory/} serves {@code /v1/directory/a/b} but not {@code
   * /v1/directory}), any other path is exact. Returns this for chaining.
   *
   * @throws IllegalArgumentException when the path is not absolute or already routed
   */
  public ApiServer route(String path, ApiHandler handler) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with '/', got '" + path + "'");
    }
    if (path.endsWith("/") && path.length() > 1) {
      synchronized (prefixRoutes) {
        if (prefixRoutes.stream().anyMatch(r -> r.prefix().equals(path))) {
          throw new IllegalArgumentException("route prefix '" + path + "' is already taken");
        }
        prefixRoutes.add(new PrefixRoute(path, handler));
        prefixRoutes.sort(
            Comparator.comparingInt((PrefixRoute r) -> r.prefix().length()).reversed());
      }
    } else if (exactRoutes.putIfAbsent(path, handler) != null) {
      throw new IllegalArgumentException("route '" + path + "' is already taken");
    }
    return this;
  }

  /** The port actually bound (the chosen one when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops listening, drops open connections and stops the workers. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("HTTP API on port {} stopped", port());
  }

  private ApiHandler find(String path) {
    ApiHandler handler = exactRoutes.get(path);
    if (handler != null) {
      return handler;
    }
    for (PrefixRoute route : prefixRoutes) {
      if (path.startsWith(route.prefix())) {
        return route.handler();
      }
    }
    return null;
  }

  private void dispatch(HttpExchange raw) {
    ApiExchange exchange = new ApiExchange(raw, deferredAnswers, this::run);
    run(exchange, this::route);
  }

  private void route(ApiExchange exchange) throws IOException {
    ApiHandler handler = find(exchange.path());
    if (handler == null) {
      throw new NotFound("no endpoint at " + exchange.path());
    }
    String method = exchange.method();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      throw new ApiException(
          405, "Method Not Allowed", "method " + method + " is not allowed; use GET or HEAD");
    }
    handler.handle(exchange);
  }

  /** Runs one step of answering, maps its failures to problems and closes the exchange. */
  private void run(ApiExchange exchange, ApiHandler step) {
    try {
      step.handle(exchange);
      Runnable continuation = exchange.takeContinuation();
      if (continuation != null) {
        // From here another thread answers and closes the exchange: hands off.
        continuation.run();
        return;
      }
      if (!exchange.responded()) {
        throw new IllegalStateException("handler for " + exchange.path() + " sent no response");
      }
    } catch (ApiException e) {
      answer(exchange, e.problem(), null);
    } catch (IOException e) {
      // Almost always the client went away mid-response; nothing to answer.
      log.debug("I/O error serving {} {}: {}", exchange.method(), exchange.path(), e.toString());
    } catch (RuntimeException | Error e) {
      answer(
          exchange,
          Problem.of(
              500, "Internal Server Error", "the server failed to answer; the error is logged"),
          e);
    }
    exchange.raw().close();
  }

  private void answer(ApiExchange exchange, Problem problem, Throwable failure) {
    if (failure != null) {
      log.error("unexpected error serving {} {}", exchange.method(), exchange.path(), failure);
    }
    if (exchange.responded()) {
      // Status and part of the body are out: the client gets a truncated body, it cannot be fixed.
      return;
    }
    try {
      exchange.sendProblem(problem);
    } catch (IOException e) {
      log.debug("cannot send {} to client: {}", problem.status(), e.toString());
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
