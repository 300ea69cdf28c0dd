package io.redisinfo.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command ends: {@link #stop()} from a test or SIGTERM (through a shutdown hook
 * that then holds the JVM until the command has closed its connections and HTTP server).
 */
public final class StopSignal {
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stopAndWaitForClose, "redisinfo-shutdown");

  /** Makes SIGTERM (and Ctrl-C) stop the command cleanly. */
  public void installShutdownHook() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until {@link #stop()}. */
  public void await() throws InterruptedException {
    stopped.await();
  }

  public void stop() {
    stopped.countDown();
  }

  /** The command has closed everything: lets a waiting shutdown hook finish, removes the hook. */
  public void closed() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already (the hook is what stopped us), or the hook was never installed
    }
  }

  private void stopAndWaitForClose() {
    stop();
    try {
      closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
