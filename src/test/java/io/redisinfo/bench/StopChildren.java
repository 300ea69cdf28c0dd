package io.redisinfo.bench;

/**
 * On any JVM exit (SIGTERM, Ctrl-C, an exception), stops every process this harness started: its
 * own descendants, by pid.
 */
final class StopChildren {
  private StopChildren() {}

  static void onExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                "bench-stop-children"));
  }
}
