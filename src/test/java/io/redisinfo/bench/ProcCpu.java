package io.redisinfo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU time from /proc: whole machine (/proc/stat) and per process (/proc/PID/stat), in ticks. */
final class ProcCpu {
  /** USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK). */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcCpu() {}

  /** The machine's CPU counters at one moment, all cores summed. */
  record Machine(long busy, long steal, long total) {
    static Machine now() {
      try {
        String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] f = line.trim().split("\\s+");
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        long steal = Long.parseLong(f[8]);
        long busy = user + nice + system + irq + softirq;
        return new Machine(busy, steal, busy + steal + idle + iowait);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read /proc/stat", e);
      }
    }

    /** Cores busy (or stolen) between {@code earlier} and this. */
    double busyCoresSince(Machine earlier, double seconds) {
      return (busy - earlier.busy) / TICKS_PER_SECOND / seconds;
    }

    double stealCoresSince(Machine earlier, double seconds) {
      return (steal - earlier.steal) / TICKS_PER_SECOND / seconds;
    }
  }

  /** utime + stime of one process, all its threads; 0 once it is gone. */
  static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name may hold spaces and parentheses: fields count from the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * CPU ticks of a process's threads grouped by name with numbers dropped ({@code
   * lettuce-nioEventLoop-4-1} and {@code -4-2} are one group), to tell per-poll work from JIT, GC
   * and timers.
   */
  static java.util.Map<String, Long> threadGroupTicks(long pid) {
    java.util.Map<String, Long> groups = new java.util.TreeMap<>();
    forEachThread(
        pid,
        (task, name, fields) ->
            groups.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum));
    return groups;
  }

  /**
   * What {@link #forEachThread} hands over: a thread's /proc directory, group name, stat fields.
   */
  private interface ThreadVisitor {
    void visit(Path task, String group, String[] statFields) throws IOException;
  }

  /**
   * Visits every thread of a process still there when read; a thread's group is its name with
   * numbers dropped, and its stat fields count from the one after the state.
   */
  private static void forEachThread(long pid, ThreadVisitor visitor) {
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          visitor.visit(task, name.replaceAll("[0-9]+", "#"), fields);
        } catch (IOException | RuntimeException threadGone) {
          // ended meanwhile, or no schedstat on this kernel
        }
      }
    } catch (IOException e) {
      // process gone
    }
  }

  /** One thread's name and CPU time so far, in nanoseconds. */
  record ThreadCpu(String name, long nanos) {}

  /**
   * Every thread of a process with its CPU time in nanoseconds ({@code
   * /proc/PID/task/TID/schedstat}, the scheduler's own clock), by thread id. /proc's utime and
   * stime count in 10 ms ticks: at 50 shards a 30 s window holds about 0.2 s of the operator's CPU,
   * so a tick at each end of the window, and another per HTTP worker subtracted, moved the CPU per
   * poll by 13 µs each.
   */
  static java.util.Map<Long, ThreadCpu> threadNanos(long pid) {
    java.util.Map<Long, ThreadCpu> threads = new java.util.HashMap<>();
    forEachThread(
        pid,
        (task, name, fields) -> {
          String schedstat = Files.readString(task.resolve("schedstat")).trim();
          long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          threads.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(name, nanos));
        });
    return threads;
  }

  /**
   * Reads {@link #threadNanos} every 100 ms until {@code deadline} ({@link System#nanoTime}),
   * keeping each thread's latest figure in {@code seen}: the JVM starts and ends compiler threads
   * as work comes and goes, and a thread that ends takes its schedstat with it. An ended thread's
   * CPU is then known up to its last reading, at most 100 ms before it ended.
   */
  static void sampleUntil(long pid, long deadline, java.util.Map<Long, ThreadCpu> seen)
      throws InterruptedException {
    while (true) {
      seen.putAll(threadNanos(pid));
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000L)));
    }
  }

  /**
   * Seconds of CPU the process's threads took between a reading at the window's start and the
   * latest readings through it ({@link #sampleUntil}), without the threads whose name starts with
   * {@code excluded}; null when there is no reading (no schedstat on this kernel).
   */
  static Double cpuSecondsBetween(
      java.util.Map<Long, ThreadCpu> start,
      java.util.Map<Long, ThreadCpu> latest,
      String excluded) {
    if (start.isEmpty() || latest.isEmpty()) {
      return null;
    }
    long nanos = 0;
    for (java.util.Map.Entry<Long, ThreadCpu> thread : latest.entrySet()) {
      if (thread.getValue().name().startsWith(excluded)) {
        continue;
      }
      ThreadCpu before = start.get(thread.getKey());
      nanos += thread.getValue().nanos() - (before == null ? 0 : before.nanos());
    }
    return nanos / 1e9;
  }

  static long processTicks(Collection<Long> pids) {
    long sum = 0;
    for (long pid : pids) {
      sum += processTicks(pid);
    }
    return sum;
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Waits until the machine is quiet: fewer than {@code maxBusyCores} cores busy over a 3 s window,
   * or {@code maxWaitSeconds} passed. Returns the busy cores of the last window.
   */
  static double awaitQuiet(double maxBusyCores, int maxWaitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
    while (true) {
      Machine before = Machine.now();
      Thread.sleep(3000);
      double busy = Machine.now().busyCoresSince(before, 3.0);
      if (busy < maxBusyCores) {
        System.out.printf("machine quiet enough: %.2f of %d cores busy%n", busy, cores());
        return busy;
      }
      if (System.nanoTime() > deadline) {
        System.out.printf(
            "machine still busy after %d s (%.2f of %d cores busy): measuring anyway, noisy run%n",
            maxWaitSeconds, busy, cores());
        return busy;
      }
      System.out.printf(
          "waiting for a quiet machine: %.2f of %d cores busy (want < %.2f)%n",
          busy, cores(), maxBusyCores);
    }
  }
}
