package io.redisinfo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady, low write load: every 200 ms, a pipelined batch of INCRs to each server, so that each
 * sees {@code opsPerSec} commands a second at little CPU cost (one write and one read per batch).
 * One thread, non-blocking sockets, replies drained and discarded.
 */
final class WriteLoad implements AutoCloseable {
  private static final long TICK_NANOS = 200_000_000L;

  private final List<SocketChannel> channels = new ArrayList<>();
  private final ByteBuffer batch;
  private final Thread thread;
  private volatile boolean stopped;

  WriteLoad(List<Integer> ports, int opsPerSec) throws IOException {
    int perTick = Math.max(1, opsPerSec / 5);
    StringBuilder commands = new StringBuilder();
    for (int i = 0; i < perTick; i++) {
      commands.append("*2\r\n$4\r\nINCR\r\n$10\r\nbench:load\r\n");
    }
    batch = ByteBuffer.wrap(commands.toString().getBytes(StandardCharsets.US_ASCII));
    try {
      for (int port : ports) {
        SocketChannel channel =
            SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.configureBlocking(false);
        channels.add(channel);
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    thread = new Thread(this::run, "bench-write-load");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
    long next = System.nanoTime();
    try {
      while (!stopped) {
        for (SocketChannel channel : channels) {
          ByteBuffer out = batch.duplicate();
          while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
              Thread.onSpinWait();
            }
          }
          scratch.clear();
          while (channel.read(scratch) > 0) {
            scratch.clear();
          }
        }
        next += TICK_NANOS;
        LockSupport.parkNanos(next - System.nanoTime());
      }
    } catch (IOException e) {
      if (!stopped) {
        System.err.println("write load stopped: " + e);
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    for (SocketChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
