package io.redisinfo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.redisinfo.common.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fleet benchmark ({@code bench/fleet.sh}): N real redis-servers, a steady write load on 10 %
 * of them (or all), the standalone jar polling them all; prints CPU per poll, polls/s achieved vs
 * designed, ageMs percentiles, heap per shard and time to the first full sweep.
 */
public final class FleetBench {
  private FleetBench() {}

  public static void main(String[] argv) throws Exception {
    Locale.setDefault(Locale.ROOT);
    BenchArgs args =
        new BenchArgs(
            argv,
            Set.of(
                "--seconds",
                "--warmup",
                "--age-seconds",
                "--min-interval",
                "--max-interval",
                "--busy-ops",
                "--quiet-cores",
                "--quiet-wait",
                "--jfr",
                "--work",
                "--jar",
                "--pid-file",
                "--java",
                "--jvm-opts",
                "--class-archive",
                "--early-window",
                "--starts",
                "--steady-after"),
            Set.of("--all-busy", "--no-heap"));
    if (args.positionals().size() != 1) {
      throw new IllegalArgumentException("usage: FleetBench N [options]");
    }
    int n = Integer.parseInt(args.positionals().get(0));
    boolean allBusy = args.flag("--all-busy");
    int seconds = args.integer("--seconds", 30);
    // Seconds from the operator's start: the first minute as users live it, and steady state.
    String[] early = args.string("--early-window", "20-50").split("-");
    int earlyFrom = Integer.parseInt(early[0]);
    int earlyTo = Integer.parseInt(early[1]);
    int steadyAfter = args.integer("--steady-after", 120);
    Integer warmupAfterSweep =
        args.string("--warmup", null) == null ? null : args.integer("--warmup", 0);
    Path javaBin = Path.of(args.string("--java", OperatorProcess.defaultJava().toString()));
    int ageSeconds = args.integer("--age-seconds", 10);
    String minInterval = args.string("--min-interval", "500ms");
    double minIntervalSeconds = GoDuration.parse(minInterval).toNanos() / 1e9;
    // The issue's fleets: busy shards every 0.5 s, idle ones every 3 s.
    String maxInterval = args.string("--max-interval", "3s");
    double maxIntervalSeconds = GoDuration.parse(maxInterval).toNanos() / 1e9;
    int busyOps = args.integer("--busy-ops", 200);
    Path work = Path.of(args.string("--work", "target/bench"));
    Path jar = Path.of(args.string("--jar", "target/redis-info-operator.jar"));
    Path pidFile = Path.of(args.string("--pid-file", work.resolve("redis.pids").toString()));
    Files.createDirectories(work);
    StopChildren.onExit();
    // The image's and deploy/'s options by default; --jvm-opts "" runs the JVM's defaults.
    List<String> jvmOptions =
        new ArrayList<>(
            args.string("--jvm-opts", null) == null
                ? OperatorProcess.defaultJvmOptions()
                : List.of(args.string("--jvm-opts", "").trim().split("\\s+")).stream()
                    .filter(o -> !o.isEmpty())
                    .toList());
    // The class-data archive `./mvnw package` makes beside the jar (scripts/class-archive.sh), as
    // the image starts with its own; --class-archive none starts without.
    String archive =
        args.string(
            "--class-archive",
            jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"))
                .toString());
    if (!archive.equals("none") && Files.isRegularFile(Path.of(archive))) {
      jvmOptions.add("-XX:SharedArchiveFile=" + archive);
    }
    if (args.string("--jfr", null) != null) {
      jvmOptions.add(
          "-XX:StartFlightRecording=filename=" + args.string("--jfr", null) + ",settings=profile");
    }

    double quietBefore =
        ProcCpu.awaitQuiet(args.decimal("--quiet-cores", 0.5), args.integer("--quiet-wait", 120));
    long fleetStart = System.nanoTime();
    try (RedisFleet fleet = RedisFleet.start(n, pidFile)) {
      System.out.printf(
          "%d redis-servers up in %.1f s%n", n, (System.nanoTime() - fleetStart) / 1e9);
      List<Integer> busyPorts = new ArrayList<>();
      boolean[] busy = new boolean[n];
      for (int i = 0; i < n; i++) {
        busy[i] = allBusy || i % 10 == 0;
        if (busy[i]) {
          busyPorts.add(fleet.ports().get(i));
        }
      }
      try (WriteLoad load = new WriteLoad(busyPorts, busyOps)) {
        long baselineHeap = -1;
        // A 1-shard operator first, always: the heap baseline, and the harness's own code (its
        // process start, log draining, HTTP client) warm before the first measured start, beside
        // which it otherwise took half a second of CPU.
        try (OperatorProcess one =
            OperatorProcess.start(
                javaBin,
                jar,
                work,
                fleet.ports().subList(0, 1),
                minInterval,
                maxInterval,
                jvmOptions)) {
          awaitFirstSweep(one, 1);
          one.shards();
          if (!args.flag("--no-heap")) {
            Thread.sleep(2000);
            baselineHeap = one.liveHeapBytes(work.resolve("histogram-1.txt"));
          }
        }
        // Restarts as users live them: the same fleet, a fresh operator each time, each start's
        // first sweep and failed polls; the last start goes on to the CPU windows.
        int starts = args.integer("--starts", 1);
        List<String> startResults = new ArrayList<>();
        // Every start, the first too, waits for the machine to settle: a thousand servers and the
        // write load that just started would otherwise still be busy during the first start only.
        ProcCpu.awaitQuiet(args.decimal("--quiet-cores", 0.5), 30);
        for (int start = 1; start < starts; start++) {
          long self0 = ProcCpu.processTicks(ProcessHandle.current().pid());
          long redis0 = ProcCpu.processTicks(fleet.pids());
          try (OperatorProcess restart =
              OperatorProcess.start(
                  javaBin, jar, work, fleet.ports(), minInterval, maxInterval, jvmOptions)) {
            double sweep = awaitFirstSweep(restart, n);
            System.out.printf(
                "start %d: until the sweep: %d polls; CPU operator %.2f s, redis-servers %.2f s,"
                    + " harness %.2f s%n",
                start,
                restart.pollsTotal(),
                restart.cpuTicks() / ProcCpu.TICKS_PER_SECOND,
                (ProcCpu.processTicks(fleet.pids()) - redis0) / ProcCpu.TICKS_PER_SECOND,
                (ProcCpu.processTicks(ProcessHandle.current().pid()) - self0)
                    / ProcCpu.TICKS_PER_SECOND);
            String failed = failedPolls(restart.get("/metrics"));
            double afterHttp = sweep - restart.secondsToListening();
            startResults.add(String.format("%.2f s / %.2f s (%s)", sweep, afterHttp, failed));
            System.out.printf(
                "start %d: first full sweep after %.2f s, %.2f s after HTTP listening, failed: %s%n",
                start, sweep, afterHttp, failed);
          }
          ProcCpu.awaitQuiet(args.decimal("--quiet-cores", 0.5), 30);
        }
        try (OperatorProcess operator =
            OperatorProcess.start(
                javaBin, jar, work, fleet.ports(), minInterval, maxInterval, jvmOptions)) {
          double sweepSeconds = awaitFirstSweep(operator, n);
          String firstFailures = failedPolls(operator.get("/metrics"));
          startResults.add(
              String.format(
                  "%.2f s / %.2f s (%s)",
                  sweepSeconds, sweepSeconds - operator.secondsToListening(), firstFailures));
          if (starts > 1) {
            System.out.printf(
                "first full sweeps of %d starts, from process start / from HTTP listening: %s%n",
                starts, String.join("; ", startResults));
          }
          System.out.printf("polls that failed by the end of the first sweep: %s%n", firstFailures);
          System.out.printf("operator log and heap histograms: %s%n", work);
          System.out.printf(
              "operator pid %d: listening after %.2f s, first full sweep after %.2f s%n",
              operator.pid(), operator.secondsToListening(), sweepSeconds);
          // The early window, timed from the operator's start.
          sleepUntil(operator.startedNanos() + earlyFrom * 1_000_000_000L);
          double earlyStart = (System.nanoTime() - operator.startedNanos()) / 1e9;
          long earlyOp0 = operator.cpuTicks();
          long earlyHttp0 = httpTicks(operator.pid());
          var earlyThreads0 = ProcCpu.threadNanos(operator.pid());
          long earlyPolls0 = operator.pollsTotal();
          var earlyThreads1 = new java.util.HashMap<Long, ProcCpu.ThreadCpu>();
          ProcCpu.sampleUntil(
              operator.pid(), operator.startedNanos() + earlyTo * 1_000_000_000L, earlyThreads1);
          long earlyPolls1 = operator.pollsTotal();
          long earlyOp1 = operator.cpuTicks();
          long earlyHttp1 = httpTicks(operator.pid());
          earlyThreads1.putAll(ProcCpu.threadNanos(operator.pid()));
          double earlyEnd = (System.nanoTime() - operator.startedNanos()) / 1e9;
          double[] earlyRss = operator.rssMib();
          double earlyCpu = (earlyOp1 - earlyOp0) / ProcCpu.TICKS_PER_SECOND;
          double earlyHttp = (earlyHttp1 - earlyHttp0) / ProcCpu.TICKS_PER_SECOND;
          long earlyPolls = earlyPolls1 - earlyPolls0;
          double earlyTickUsPerPoll =
              earlyPolls == 0 ? Double.NaN : (earlyCpu - earlyHttp) * 1e6 / earlyPolls;
          Double earlyPrecise =
              ProcCpu.cpuSecondsBetween(earlyThreads0, earlyThreads1, HTTP_WORKERS);
          double earlyUsPerPoll =
              earlyPrecise == null || earlyPolls == 0
                  ? earlyTickUsPerPoll
                  : earlyPrecise * 1e6 / earlyPolls;
          double earlyCores = earlyCpu / (earlyEnd - earlyStart);
          sleepUntil(
              warmupAfterSweep != null
                  ? System.nanoTime() + warmupAfterSweep * 1_000_000_000L
                  : operator.startedNanos() + steadyAfter * 1_000_000_000L);
          double steadyStart = (System.nanoTime() - operator.startedNanos()) / 1e9;

          // The CPU window: nothing but two /metrics and /v1/shards reads at each end.
          double designedBefore = designedPollsPerSecond(operator.shards());
          List<Long> redisPids = fleet.pids();
          long selfPid = ProcessHandle.current().pid();
          ProcCpu.Machine machine0 = ProcCpu.Machine.now();
          long op0 = operator.cpuTicks();
          java.util.Map<String, Long> threads0 = ProcCpu.threadGroupTicks(operator.pid());
          var steadyThreads0 = ProcCpu.threadNanos(operator.pid());
          long redis0 = ProcCpu.processTicks(redisPids);
          long self0 = ProcCpu.processTicks(selfPid);
          long polls0 = operator.pollsTotal();
          long t0 = System.nanoTime();
          var steadyThreads1 = new java.util.HashMap<Long, ProcCpu.ThreadCpu>();
          ProcCpu.sampleUntil(operator.pid(), t0 + seconds * 1_000_000_000L, steadyThreads1);
          long polls1 = operator.pollsTotal();
          long t1 = System.nanoTime();
          long op1 = operator.cpuTicks();
          java.util.Map<String, Long> threads1 = ProcCpu.threadGroupTicks(operator.pid());
          steadyThreads1.putAll(ProcCpu.threadNanos(operator.pid()));
          long redis1 = ProcCpu.processTicks(redisPids);
          long self1 = ProcCpu.processTicks(selfPid);
          ProcCpu.Machine machine1 = ProcCpu.Machine.now();
          double designedAfter = designedPollsPerSecond(operator.shards());
          double window = (t1 - t0) / 1e9;
          long polls = polls1 - polls0;
          double opCpu = (op1 - op0) / ProcCpu.TICKS_PER_SECOND;
          double redisCores = (redis1 - redis0) / ProcCpu.TICKS_PER_SECOND / window;
          double selfCores = (self1 - self0) / ProcCpu.TICKS_PER_SECOND / window;
          double busyCores = machine1.busyCoresSince(machine0, window);
          double stealCores = machine1.stealCoresSince(machine0, window);
          double otherCores = busyCores - opCpu / window - redisCores - selfCores;

          // ageMs sampling, after the CPU window so that it does not count there.
          Stats busyAges = new Stats();
          Stats idleAges = new Stats();
          long sampleEnd = System.nanoTime() + ageSeconds * 1_000_000_000L;
          int busyAtMin = 0;
          while (System.nanoTime() < sampleEnd) {
            JsonNode shards = operator.shards();
            busyAtMin = 0;
            for (JsonNode shard : shards) {
              int index =
                  Integer.parseInt(shard.get("id").asText().substring("default/s".length()));
              JsonNode age = shard.get("ageMs");
              if (!age.isNull()) {
                (busy[index] ? busyAges : idleAges).add(age.asLong());
              }
              if (busy[index]
                  && shard.get("pollIntervalMs").asLong() <= minIntervalSeconds * 1000 + 1) {
                busyAtMin++;
              }
            }
            Thread.sleep(250);
          }
          double[] steadyRss = operator.rssMib();
          String heapInfo = operator.heapInfo();
          long heap =
              args.flag("--no-heap")
                  ? -1
                  : operator.liveHeapBytes(work.resolve("histogram-" + n + ".txt"));
          operator.dumpHeapIfAsked(Integer.toString(n));

          int busyCount = busyPorts.size();
          double steadyDesign =
              busyCount / minIntervalSeconds + (n - busyCount) / maxIntervalSeconds;
          // The harness's own /metrics and /v1/shards reads run on the HTTP workers: not polling.
          double httpCpu =
              (threads1.getOrDefault("http-worker-#", 0L)
                      - threads0.getOrDefault("http-worker-#", 0L))
                  / ProcCpu.TICKS_PER_SECOND;
          double tickUsPerPoll = polls == 0 ? Double.NaN : (opCpu - httpCpu) * 1e6 / polls;
          Double steadyPrecise =
              ProcCpu.cpuSecondsBetween(steadyThreads0, steadyThreads1, HTTP_WORKERS);
          double usPerPoll =
              steadyPrecise == null || polls == 0 ? tickUsPerPoll : steadyPrecise * 1e6 / polls;
          Table table = new Table();
          table.row("N shards (busy)", n + " (" + busyCount + ", " + busyOps + " INCR/s each)", "");
          table.row("polling interval", minInterval + " to " + maxInterval, "");
          table.row(
              "machine",
              String.format(
                  "%d cores; before start %.2f cores busy; in window: operator %.2f, redis %.2f,"
                      + " harness %.2f, other %.2f, steal %.2f cores",
                  ProcCpu.cores(),
                  quietBefore,
                  opCpu / window,
                  redisCores,
                  selfCores,
                  otherCores,
                  stealCores),
              "");
          table.row(
              "operator JVM",
              javaVersion(javaBin)
                  + "; "
                  + (jvmOptions.isEmpty() ? "default options" : String.join(" ", jvmOptions)),
              "");
          table.row(
              String.format("CPU per INFO poll, %.0f-%.0f s after start", earlyStart, earlyEnd),
              String.format(
                  "%.1f us (%.2f cores; %.3f CPU s / %d polls; %s)",
                  earlyUsPerPoll,
                  earlyCores,
                  earlyUsPerPoll * earlyPolls / 1e6,
                  earlyPolls,
                  counted(earlyPrecise, earlyTickUsPerPoll)),
              "<= 250 us " + mark(earlyUsPerPoll <= 250));
          table.row(
              String.format(
                  "CPU per INFO poll, steady state (%.0f-%.0f s)",
                  steadyStart, steadyStart + window),
              String.format(
                  "%.1f us (%.2f cores; %.3f CPU s / %d polls in %.0f s; %s)",
                  usPerPoll,
                  opCpu / window,
                  usPerPoll * polls / 1e6,
                  polls,
                  window,
                  counted(steadyPrecise, tickUsPerPoll)),
              allBusy && n >= 1000 ? "<= 60 us " + mark(usPerPoll <= 60) : "");
          double rssTarget = n == 200 ? 150 : n == 1000 ? 250 : Double.NaN;
          table.row(
              "RSS (peak) at the early window's end / steady state's end",
              String.format(
                  "%.0f (%.0f) / %.0f (%.0f) MiB",
                  earlyRss[0], earlyRss[1], steadyRss[0], steadyRss[1]),
              Double.isNaN(rssTarget)
                  ? ""
                  : String.format("<= %.0f MiB ", rssTarget) + mark(steadyRss[1] <= rssTarget));
          table.row("heap used / committed (jcmd GC.heap_info)", heapInfo, "");
          double achieved = polls / window;
          double designed = (designedBefore + designedAfter) / 2;
          table.row(
              "INFO polls/s",
              String.format(
                  "%.0f achieved; %.0f designed by current intervals (%.1f %%); %.0f at steady"
                      + " state",
                  achieved, designed, 100 * achieved / designed, steadyDesign),
              allBusy && n >= 1000 ? ">= 2000 " + mark(achieved >= 2000) : "");
          table.row("busy shards at min interval", busyAtMin + " of " + busyCount, "");
          table.row(
              "ageMs busy p50 / p99",
              busyAges.percentile(0.5)
                  + " / "
                  + busyAges.percentile(0.99)
                  + " ms ("
                  + busyAges.size()
                  + " samples)",
              allBusy && n >= 1000 ? "p99 <= 600 " + mark(busyAges.percentile(0.99) <= 600) : "");
          table.row(
              "ageMs idle p50 / p99",
              idleAges.percentile(0.5)
                  + " / "
                  + idleAges.percentile(0.99)
                  + " ms ("
                  + idleAges.size()
                  + " samples)",
              "");
          if (heap >= 0) {
            double perShard = n > 1 ? (heap - baselineHeap) / (double) (n - 1) : Double.NaN;
            table.row(
                "live heap per shard",
                String.format(
                    "%.1f KB ((%.1f MB - %.1f MB with 1 shard) / %d)",
                    perShard / 1024, heap / 1048576.0, baselineHeap / 1048576.0, n - 1),
                "<= 20 KB " + mark(perShard <= 20 * 1024));
          }
          table.row(
              "first full sweep (JVM start included)",
              String.format(
                  "%.2f s (HTTP listening after %.2f s)",
                  sweepSeconds, operator.secondsToListening()),
              n >= 1000 ? "<= 2 s " + mark(sweepSeconds <= 2) : "");
          table.row(
              "failed polls by the end of the first sweep",
              firstFailures,
              "0 timeouts " + mark(!firstFailures.contains("timeout")));
          table.print();
          System.out.printf(
              Locale.ROOT,
              "RESULT n=%d allBusy=%s sweep=%.2f failed=%s earlyUs=%.1f earlyCores=%.2f"
                  + " steadyUs=%.1f steadyCores=%.2f rss=%.0f peakRss=%.0f heap=%s%n",
              n,
              allBusy,
              sweepSeconds,
              firstFailures.replace(' ', '_'),
              earlyUsPerPoll,
              earlyCores,
              usPerPoll,
              opCpu / window,
              steadyRss[0],
              steadyRss[1],
              heapInfo.replace(' ', '_'));
          printByThread("steady-state window", steadyThreads0, steadyThreads1, polls);
          printByThread("early window", earlyThreads0, earlyThreads1, earlyPolls);
        }
      }
    }
  }

  /** Each thread group's CPU in a window (schedstat), largest first. */
  private static void printByThread(
      String window,
      java.util.Map<Long, ProcCpu.ThreadCpu> start,
      java.util.Map<Long, ProcCpu.ThreadCpu> end,
      long polls) {
    System.out.println(
        "operator CPU in the " + window + " by thread (schedstat ns, read every 100 ms):");
    java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
    end.forEach(
        (tid, cpu) -> {
          ProcCpu.ThreadCpu before = start.get(tid);
          byGroup.merge(cpu.name(), cpu.nanos() - (before == null ? 0 : before.nanos()), Long::sum);
        });
    byGroup.entrySet().stream()
        .filter(e -> e.getValue() >= 5_000_000L)
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                System.out.printf(
                    "  %-28s %6.3f s  %5.1f us/poll%n",
                    e.getKey(),
                    e.getValue() / 1e9,
                    polls == 0 ? Double.NaN : e.getValue() / 1e3 / polls));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
    }
  }

  /** CPU ticks of the operator's HTTP workers: the harness's own reads, not polling. */
  /** The operator's HTTP worker threads, which serve the harness's own reads: not polling. */
  private static final String HTTP_WORKERS = "http-worker-";

  private static long httpTicks(long pid) {
    return ProcCpu.threadGroupTicks(pid).getOrDefault("http-worker-#", 0L);
  }

  /** How a window's CPU was counted: nanoseconds, or ticks on a kernel without schedstat. */
  private static String counted(Double precise, double tickUsPerPoll) {
    return precise != null
        ? String.format("schedstat ns; in 10 ms ticks: %.1f us", tickUsPerPoll)
        : "10 ms ticks: no schedstat";
  }

  /** The first line of {@code java -version}. */
  private static String javaVersion(Path javaBin) {
    try {
      Process p =
          new ProcessBuilder(javaBin.toString(), "-version").redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      return out.lines()
          .filter(l -> !l.startsWith("Picked up") && !l.startsWith("NOTE"))
          .findFirst()
          .orElse("?");
    } catch (Exception e) {
      return javaBin + " (" + e + ")";
    }
  }

  private static String mark(boolean met) {
    return met ? "met" : "MISSED";
  }

  /**
   * Seconds from the JVM's start until every shard has INFO: until the operator logs that every
   * shard had its first poll (read off the log the harness drains, so the wait costs the machine
   * nothing), then /v1/shards must show INFO for all of them, else it is asked every 50 ms.
   */
  static double awaitFirstSweep(OperatorProcess operator, int n) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (operator.sweptNanos() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no first sweep logged after 120 s");
      }
      Thread.sleep(5);
    }
    long ready = operator.sweptNanos();
    boolean first = true;
    while (true) {
      JsonNode shards = operator.shards();
      int withInfo = 0;
      for (JsonNode shard : shards) {
        if (!shard.get("ageMs").isNull()) {
          withInfo++;
        }
      }
      if (withInfo == n) {
        return ((first ? ready : System.nanoTime()) - operator.startedNanos()) / 1e9;
      }
      first = false;
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + withInfo + " of " + n + " shards have INFO after 120 s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * The non-ok outcomes of redisinfo_polls_total with a count above 0, e.g. "timeout=3"; or "none".
   */
  static String failedPolls(String metrics) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^redisinfo_polls_total\\{outcome=\"([a-z_]+)\"} ([0-9.E]+)$")
            .matcher(metrics);
    StringBuilder failed = new StringBuilder();
    while (m.find()) {
      double count = Double.parseDouble(m.group(2));
      if (!m.group(1).equals("ok") && count > 0) {
        failed
            .append(failed.length() == 0 ? "" : ", ")
            .append(m.group(1))
            .append('=')
            .append((long) count);
      }
    }
    return failed.length() == 0 ? "none" : failed.toString();
  }

  /** Polls a second the current intervals ask for: the sum of 1 / pollIntervalMs. */
  static double designedPollsPerSecond(JsonNode shards) {
    double sum = 0;
    for (JsonNode shard : shards) {
      JsonNode interval = shard.get("pollIntervalMs");
      if (!interval.isNull() && interval.asLong() > 0) {
        sum += 1000.0 / interval.asLong();
      }
    }
    return sum;
  }
}
