package io.redisinfo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real standalone jar in its own JVM, so its CPU and heap are its own: components from a
 * generated YAML file (one endpoint component per shard, {@code default/sNNNN}), HTTP on a free
 * port read from its output.
 */
final class OperatorProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final long startedNanos;
  private final long listeningNanos;

  /**
   * When the operator's log said every shard had its first poll (FirstSweep), as the harness read
   * it; 0 until then. Read off the log the harness drains anyway, so that waiting for the sweep
   * asks nothing of the operator while it sweeps (HTTP requests every few milliseconds cost the
   * harness's own cold HTTP client half a second of CPU in a first start).
   */
  private final AtomicLong sweptNanos;

  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Path javaBin;

  private OperatorProcess(
      Process process,
      Path javaBin,
      int port,
      long startedNanos,
      long listeningNanos,
      AtomicLong sweptNanos) {
    this.process = process;
    this.javaBin = javaBin;
    this.port = port;
    this.startedNanos = startedNanos;
    this.listeningNanos = listeningNanos;
    this.sweptNanos = sweptNanos;
  }

  /**
   * Starts the jar polling one shard per entry of {@code shardPorts} (ports may repeat: several
   * components on one server).
   */
  static OperatorProcess start(
      Path javaBin,
      Path jar,
      Path workDir,
      List<Integer> shardPorts,
      String minInterval,
      String maxInterval,
      List<String> jvmOptions)
      throws IOException {
    Path components = workDir.resolve("components-" + shardPorts.size() + ".yaml");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < shardPorts.size(); i++) {
      yaml.append("apiVersion: redisinfo.io/v1alpha1\nkind: RedisComponent\n")
          .append("metadata: {name: ")
          .append(shardName(i))
          .append("}\nspec: {endpoint: {host: 127.0.0.1, port: ")
          .append(shardPorts.get(i))
          .append("}}\n---\n");
    }
    Files.writeString(components, yaml);
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "standalone",
            "--http-port",
            "0",
            "--min-interval",
            minInterval,
            "--max-interval",
            maxInterval,
            "--components",
            components.toString(),
            "--reload-interval",
            "1h"));
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
    Path log = workDir.resolve("operator-" + shardPorts.size() + ".log");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // One writer for the whole run: a file opened and closed per line cost the harness more CPU
    // than the operator's sweep it runs beside (a thousand advisory lines at start).
    java.io.BufferedWriter logWriter =
        Files.newBufferedWriter(
            log,
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
    java.util.regex.Pattern listeningLine =
        java.util.regex.Pattern.compile("listening on port (\\d+)");
    int port = -1;
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        logWriter.write(line);
        logWriter.newLine();
        java.util.regex.Matcher listening = listeningLine.matcher(line);
        if (listening.find()) {
          port = Integer.parseInt(listening.group(1));
          break;
        }
      }
      logWriter.flush();
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      logWriter.close();
      throw e;
    }
    if (port < 0) {
      process.destroyForcibly();
      logWriter.close();
      throw new IllegalStateException("the operator exited before listening; see " + log);
    }
    long listening = System.nanoTime();
    AtomicLong swept = new AtomicLong();
    // Keep draining its output into the log so it never blocks on a full pipe.
    Thread drain =
        new Thread(
            () -> {
              try (logWriter) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (swept.get() == 0 && line.contains(FIRST_SWEEP_LINE)) {
                    swept.set(System.nanoTime());
                  }
                  logWriter.write(line);
                  logWriter.newLine();
                  if (!out.ready()) {
                    logWriter.flush(); // readable while the run goes on
                  }
                }
              } catch (IOException ignored) {
                // process gone
              }
            },
            "operator-output");
    drain.setDaemon(true);
    drain.start();
    return new OperatorProcess(process, javaBin, port, started, listening, swept);
  }

  /** The harness's own java: the default operator JVM. */
  static Path defaultJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The operator's JVM options unless told otherwise: BENCH_OPERATOR_JVM_OPTIONS, which
   * bench/common.sh sets to the options of the image and deploy/.
   */
  static List<String> defaultJvmOptions() {
    String options = System.getenv("BENCH_OPERATOR_JVM_OPTIONS");
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  static String shardName(int index) {
    return String.format("s%04d", index);
  }

  static String shardId(int index) {
    return "default/" + shardName(index);
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  /** What FirstSweep logs once every shard has had its first poll. */
  private static final String FIRST_SWEEP_LINE = "first poll of all ";

  /** When the harness read the operator's first-sweep line, or 0 before. */
  long sweptNanos() {
    return sweptNanos.get();
  }

  long startedNanos() {
    return startedNanos;
  }

  double secondsToListening() {
    return (listeningNanos - startedNanos) / 1e9;
  }

  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** The {@code shards} array of {@code /v1/shards}. */
  JsonNode shards() throws IOException, InterruptedException {
    return JSON.readTree(get("/v1/shards")).get("shards");
  }

  /** Sum of {@code redisinfo_polls_total} over every outcome. */
  long pollsTotal() throws IOException, InterruptedException {
    long sum = 0;
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith("redisinfo_polls_total{")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** The jcmd of the operator's JDK (a jcmd of another JDK version may not attach). */
  private String jcmd() {
    Path beside = javaBin.resolveSibling("jcmd");
    return Files.isExecutable(beside) ? beside.toString() : "jcmd";
  }

  /** What {@code jcmd PID COMMAND} prints. */
  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(jcmd(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  /** Resident set size now and its peak so far (VmRSS, VmHWM), in MiB. */
  double[] rssMib() throws IOException {
    double rss = Double.NaN;
    double peak = Double.NaN;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      String[] f = line.trim().split("\\s+");
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(f[1]) / 1024.0;
      } else if (line.startsWith("VmHWM:")) {
        peak = Long.parseLong(f[1]) / 1024.0;
      }
    }
    return new double[] {rss, peak};
  }

  /**
   * Heap used and committed in MiB from {@code jcmd GC.heap_info}: the sum of its "total NK, used
   * MK" lines (one for G1; young and old generation for the serial collector); the raw first line
   * when nothing parses.
   */
  String heapInfo() throws IOException, InterruptedException {
    String output = jcmd("GC.heap_info");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(output);
    long total = 0;
    long used = 0;
    boolean found = false;
    while (m.find()) {
      found = true;
      total += Long.parseLong(m.group(1));
      used += Long.parseLong(m.group(2));
    }
    if (!found) {
      return output.lines().skip(1).findFirst().orElse(output).trim();
    }
    return String.format("%.0f / %.0f MiB", used / 1024.0, total / 1024.0);
  }

  long cpuTicks() {
    return ProcCpu.processTicks(process.pid());
  }

  /**
   * Live heap bytes after a full GC (jcmd GC.class_histogram forces one); the histogram is kept in
   * {@code saveTo}.
   */
  long liveHeapBytes(Path saveTo) throws IOException, InterruptedException {
    String output = jcmd("GC.class_histogram");
    Files.writeString(saveTo, output);
    for (String line : output.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total ")) {
        String[] f = trimmed.split("\\s+");
        return Long.parseLong(f[2]);
      }
    }
    throw new IllegalStateException("no Total line from jcmd GC.class_histogram:\n" + output);
  }

  /**
   * With BENCH_HEAP_DUMP=DIR set, also dumps the live heap next to the histogram (DIR/heap-N.hprof,
   * N = the histogram's name) to find what holds the memory; off by default (a dump is large).
   */
  void dumpHeapIfAsked(String name) throws IOException, InterruptedException {
    String dir = System.getenv("BENCH_HEAP_DUMP");
    if (dir == null || dir.isBlank()) {
      return;
    }
    Path file = Path.of(dir).toAbsolutePath().resolve("heap-" + name + ".hprof");
    Files.deleteIfExists(file);
    new ProcessBuilder(jcmd(), Long.toString(process.pid()), "GC.heap_dump", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(120, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
