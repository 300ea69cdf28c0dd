package io.redisinfo.http.bench;

import io.redisinfo.http.ApiServer;
import io.redisinfo.http.InfoHandler;
import io.redisinfo.info.Info;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSnapshot;
import io.redisinfo.shard.ShardSpec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of {@code GET /v1/info?shard=ID} for one shard's full INFO (a real Redis 7.0 {@code
 * INFO everything}), with keep-alive connections from a minimal client in the same JVM. Not a test:
 * run by hand, e.g.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.redisinfo.http.bench.InfoLoadBench [connections] [seconds] [path]
 * </pre>
 */
public final class InfoLoadBench {
  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String path = args.length > 2 ? args[2] : "/v1/info?shard=bench";

    ShardRegistry registry = new ShardRegistry(Duration.ofSeconds(1));
    registry.put("bench", ShardSpec.of("bench", new ShardAddress("10.0.0.1", 6379)));
    Info info = parse(readResource("redis-7.0-info-everything.txt"));
    registry
        .get("bench")
        .orElseThrow()
        .publish(
            new ShardSnapshot(
                info,
                null,
                System.nanoTime(),
                System.currentTimeMillis(),
                true,
                null,
                Duration.ofSeconds(1),
                1,
                0));
    try (ApiServer server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new ApiServer.Limits(Integer.getInteger("bench.workers", 16), 1024))) {
      server.route(
          InfoHandler.PATH,
          new InfoHandler(
              registry,
              id -> CompletableFuture.failedFuture(new IllegalStateException("no refresh")),
              Duration.ofSeconds(2)));
      byte[] request =
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      System.out.printf(
          "INFO: %d sections, %d keys; body %d bytes%n",
          info.sections().size(), info.keys().size(), oneBody(server.port(), request));

      run(server.port(), request, connections, 3, "warm-up");
      run(server.port(), request, connections, seconds, "measured");
    }
  }

  private static void run(int port, byte[] request, int connections, int seconds, String label)
      throws InterruptedException {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread thread =
          new Thread(
              () -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  socket.setTcpNoDelay(true);
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                  while (!stop.get()) {
                    out.write(request);
                    out.flush();
                    if (readResponse(in) != 200) {
                      throw new IllegalStateException("not 200");
                    }
                    done.increment();
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    // CPU time of this JVM (server and client together): a figure that holds on a shared machine.
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    System.out.printf(
        "%s: %d connections, %.1f s, %d requests, %.0f requests/s; %.1f CPU-s, %.0f requests per"
            + " CPU-second (server + client)%n",
        label, connections, elapsed, done.sum(), done.sum() / elapsed, cpu, done.sum() / cpu);
  }

  private static int oneBody(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write(request);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      return readResponse(in) == 200 ? lastBodyLength : -1;
    }
  }

  private static int lastBodyLength;

  /** Reads one response (Content-Length or chunked), returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    int body = 0;
    if (chunked) {
      while (true) {
        int size = Integer.parseInt(line(in).trim(), 16);
        if (size == 0) {
          line(in);
          break;
        }
        in.skipNBytes(size);
        body += size;
        line(in);
      }
    } else if (length > 0) {
      in.skipNBytes(length);
      body = length;
    }
    lastBodyLength = body;
    return code;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static String readResource(String name) throws IOException {
    try (InputStream in = InfoLoadBench.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Just enough INFO parsing for a realistic fixture; the product's parser lives in info. */
  private static Info parse(String text) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    Map<String, Object> section = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("# ")) {
        section = new LinkedHashMap<>();
        sections.put(line.substring(2).toLowerCase(), section);
      } else if (!line.isEmpty() && section != null) {
        int colon = line.indexOf(':');
        String value = line.substring(colon + 1);
        section.put(line.substring(0, colon), value.contains("=") ? nested(value) : typed(value));
      }
    }
    return Info.of(sections, 0);
  }

  private static Map<String, Object> nested(String value) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String pair : value.split(",")) {
      int equals = pair.indexOf('=');
      map.put(pair.substring(0, equals), typed(pair.substring(equals + 1)));
    }
    return map;
  }

  private static Object typed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      try {
        return value.contains(".") ? Double.parseDouble(value) : value;
      } catch (NumberFormatException e2) {
        return value;
      }
    }
  }
}
