package io.redisinfo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query benchmark ({@code bench/query.sh}): the standalone jar with N shards (components) over
 * M real redis-servers, queried by {@code wrk} with closed-loop keep-alive connections: one shard's
 * full INFO, the same with three keys, and one key of every shard.
 */
public final class QueryBench {
  private QueryBench() {}

  public static void main(String[] argv) throws Exception {
    Locale.setDefault(Locale.ROOT);
    BenchArgs args =
        new BenchArgs(
            argv,
            Set.of(
                "--shards",
                "--servers",
                "--seconds",
                "--connections",
                "--threads",
                "--quiet-cores",
                "--quiet-wait",
                "--jfr",
                "--work",
                "--jar",
                "--pid-file",
                "--only"),
            Set.of());
    int shards = args.integer("--shards", 1000);
    int servers = Math.min(shards, args.integer("--servers", 50));
    int seconds = args.integer("--seconds", 10);
    int connections = args.integer("--connections", 16);
    int threads = args.integer("--threads", 1);
    String only = args.string("--only", null);
    Path work = Path.of(args.string("--work", "target/bench"));
    Path jar = Path.of(args.string("--jar", "target/redis-info-operator.jar"));
    Path pidFile = Path.of(args.string("--pid-file", work.resolve("redis.pids").toString()));
    Files.createDirectories(work);
    StopChildren.onExit();
    List<String> jvmOptions = new ArrayList<>(OperatorProcess.defaultJvmOptions());
    if (args.string("--jfr", null) != null) {
      jvmOptions.add(
          "-XX:StartFlightRecording=filename=" + args.string("--jfr", null) + ",settings=profile");
    }

    double quietBefore =
        ProcCpu.awaitQuiet(args.decimal("--quiet-cores", 0.5), args.integer("--quiet-wait", 120));
    try (RedisFleet fleet = RedisFleet.start(servers, pidFile)) {
      List<Integer> shardPorts = new ArrayList<>();
      for (int i = 0; i < shards; i++) {
        shardPorts.add(fleet.ports().get(i % servers));
      }
      try (OperatorProcess operator =
          OperatorProcess.start(
              OperatorProcess.defaultJava(), jar, work, shardPorts, "1s", "15s", jvmOptions)) {
        FleetBench.awaitFirstSweep(operator, shards);
        String one = OperatorProcess.shardId(0);
        List<String[]> scenarios =
            List.of(
                new String[] {
                  "one shard, full INFO", "/v1/info?shard=" + one, ">= 20000 req/s, p99 <= 10 ms"
                },
                new String[] {
                  "one shard, 3 keys",
                  "/v1/info?shard=" + one + "&key=used_memory&key=connected_clients&key=role",
                  ""
                },
                new String[] {
                  "every shard (" + shards + "), 1 key", "/v1/info?key=used_memory", ">= 500 req/s"
                });
        Table table = new Table();
        table.row(
            "setup",
            String.format(
                "%d shards over %d redis-servers; wrk -t%d -c%d -d%ds; %d cores, %.2f busy before",
                shards, servers, threads, connections, seconds, ProcCpu.cores(), quietBefore),
            "");
        for (String[] scenario : scenarios) {
          if (only != null && !scenario[0].startsWith(only)) {
            continue;
          }
          String url = "http://127.0.0.1:" + operator.port() + scenario[1];
          int bodyBytes = operator.get(scenario[1]).getBytes(StandardCharsets.UTF_8).length;
          wrk(url, threads, connections, 3); // warm-up: JIT, connections
          ProcCpu.Machine machine0 = ProcCpu.Machine.now();
          long op0 = operator.cpuTicks();
          WrkResult result = wrk(url, threads, connections, seconds);
          double opCores = (operator.cpuTicks() - op0) / ProcCpu.TICKS_PER_SECOND / seconds;
          double busyCores = ProcCpu.Machine.now().busyCoresSince(machine0, seconds);
          table.row(
              scenario[0] + " (" + bodyBytes + " B)",
              String.format(
                  "%.0f req/s; p50 %.2f ms, p99 %.2f ms; errors %d; operator %.2f cores, machine"
                      + " %.2f cores busy",
                  result.requestsPerSecond,
                  result.p50Ms,
                  result.p99Ms,
                  result.errors,
                  opCores,
                  busyCores),
              scenario[2]);
        }
        table.print();
      }
    }
  }

  record WrkResult(double requestsPerSecond, double p50Ms, double p99Ms, long errors) {}

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static WrkResult wrk(String url, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url)
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no Requests/sec in wrk output:\n" + out);
    }
    double p50 = -1;
    double p99 = -1;
    Matcher p = PERCENTILE.matcher(out);
    while (p.find()) {
      double value = Double.parseDouble(p.group(2));
      double ms =
          switch (p.group(3)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
          };
      if (p.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new WrkResult(Double.parseDouble(rate.group(1)), p50, p99, errors);
  }
}
