package io.redisinfo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process on a loopback port, for tests. Started with no persistence;
 * extra settings are passed as command-line options, name then value ({@code "requirepass",
 * "secret"}); a value of several words is split at spaces, {@code ""} standing for an empty word.
 */
public final class RedisServer implements AutoCloseable {
  private static final String DEFAULT_BINARY =
      System.getenv().getOrDefault("REDIS_SERVER", "redis-server");

  private final String binary;
  private final int port;
  private final List<String> settings;
  private final Path dir;
  private volatile String password;
  private Process process;

  RedisServer(String binary, int port, List<String> settings, Path dir) {
    this.binary = binary;
    this.port = port;
    this.settings = List.copyOf(settings);
    this.dir = dir;
    this.password = setting("requirepass");
  }

  /** The password {@link #command} authenticates with, after a {@code CONFIG SET requirepass}. */
  public void password(String newPassword) {
    this.password = newPassword;
  }

  /** Starts a server on a free port with {@code settings} as name/value pairs. */
  public static RedisServer start(Path dir, String... settings) {
    return start(DEFAULT_BINARY, dir, settings);
  }

  /** Starts {@code binary} (another Redis version, see {@link RedisBinaries}) on a free port. */
  public static RedisServer start(String binary, Path dir, String... settings) {
    for (int attempt = 0; ; attempt++) {
      RedisServer server = new RedisServer(binary, freePort(), List.of(settings), dir);
      try {
        server.startProcess();
        return server;
      } catch (IllegalStateException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  public int port() {
    return port;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  synchronized void startProcess() {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--bind");
    command.add("127.0.0.1");
    command.add("--save");
    command.add("");
    command.add("--appendonly");
    command.add("no");
    command.add("--daemonize");
    command.add("no");
    command.add("--dir");
    command.add(dir.toString());
    command.add("--dbfilename");
    command.add("dump-" + port + ".rdb");
    for (int i = 0; i < settings.size(); i++) {
      String value = settings.get(i);
      if (i % 2 == 0) {
        command.add("--" + value);
      } else {
        // Values with several words are several arguments ("INFO \"\"" -> INFO and "").
        for (String word : value.split(" ")) {
          command.add(word.equals("\"\"") ? "" : word);
        }
      }
    }
    Path log = dir.resolve("redis-" + port + ".log");
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + binary + " (install the redis-server package): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server on port " + port + " exited: " + tail(log));
      }
      if (acceptsConnections()) {
        return;
      }
      Thread.onSpinWait();
      try {
        process.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "redis-server on port " + port + " did not start: " + tail(log));
  }

  private boolean acceptsConnections() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs one command with an inline RESP request and returns the raw reply text. */
  public String command(String... args) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      StringBuilder request = new StringBuilder();
      List<String> all = new ArrayList<>();
      if (password != null) {
        all.add("AUTH");
        all.add(password);
      }
      request.append(resp(all));
      request.append(resp(List.of(args)));
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("command on " + address() + " failed: " + e.getMessage(), e);
    }
  }

  private static String resp(List<String> args) {
    if (args.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("*").append(args.size()).append("\r\n");
    for (String a : args) {
      b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      b.append(a).append("\r\n");
    }
    return b.toString();
  }

  private String setting(String name) {
    for (int i = 0; i + 1 < settings.size(); i += 2) {
      if (settings.get(i).equals(name)) {
        return settings.get(i + 1);
      }
    }
    return null;
  }

  /** Kills the process at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitForExit();
    }
  }

  /** Starts it again on the same port. */
  public synchronized void restart() {
    kill();
    startProcess();
  }

  /** Freezes the process (SIGSTOP): connections stay open, nothing answers. */
  public void pause() {
    signal("STOP");
  }

  /** Thaws a paused process (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      signal("CONT"); // a stopped process would not die on SIGTERM
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          waitForExit();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** A port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
