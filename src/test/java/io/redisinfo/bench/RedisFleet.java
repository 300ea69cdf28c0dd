package io.redisinfo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Many real {@code redis-server} processes on loopback, no persistence, on ports from a range below
 * the ephemeral one (so client sockets of other programs do not take them). Their pids are written
 * to a file so that the calling script can kill them even if this JVM dies hard.
 */
final class RedisFleet implements AutoCloseable {
  private static final int FIRST_PORT = 20000;
  private static final int LAST_PORT = 32000;

  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private RedisFleet() {}

  static RedisFleet start(int count, Path pidFile) throws IOException, InterruptedException {
    RedisFleet fleet = new RedisFleet();
    try {
      int port = FIRST_PORT;
      while (fleet.ports.size() < count) {
        port = nextFreePort(port);
        fleet.processes.add(
            new ProcessBuilder(
                    "redis-server",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--loglevel",
                    "warning",
                    // 1000 servers on 2 cores: background tasks at 1 Hz rather than 10 leave
                    // the CPU to the operator being measured; INFO works the same.
                    "--hz",
                    "1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start());
        fleet.ports.add(port);
        port++;
      }
      Files.writeString(
          pidFile,
          fleet.processes.stream()
                  .map(p -> Long.toString(p.pid()))
                  .collect(Collectors.joining("\n"))
              + "\n");
      long deadline = System.nanoTime() + 60_000_000_000L;
      for (int i = 0; i < count; i++) {
        while (!accepts(fleet.ports.get(i))) {
          if (!fleet.processes.get(i).isAlive()) {
            throw new IllegalStateException(
                "redis-server on port " + fleet.ports.get(i) + " exited at start");
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("redis-servers did not start within 60 s");
          }
          Thread.sleep(20);
        }
      }
      return fleet;
    } catch (IOException | InterruptedException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  List<Integer> ports() {
    return ports;
  }

  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  private static int nextFreePort(int from) {
    for (int port = from; port <= LAST_PORT; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException taken) {
        // next
      }
    }
    throw new IllegalStateException("no free port left in " + FIRST_PORT + ".." + LAST_PORT);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      try {
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
