package io.redisinfo.poll;

import io.redisinfo.info.InfoSummary;
import java.util.Objects;

/** Classifies a successful poll by comparing its summary with the previous one. */
public final class ActivityDetector {
  private final PollerOptions options;

  public ActivityDetector(PollerOptions options) {
    this.options = options;
  }

  /**
   * @param previous the summary of the poll before, or null on the first poll
   */
  public Activity assess(InfoSummary previous, InfoSummary current) {
    if ("down".equals(current.masterLinkStatus()) || Boolean.TRUE.equals(current.loading())) {
      return Activity.TROUBLE;
    }
    if (previous == null) {
      return Activity.QUIET;
    }
    if (previous.role() != null && !Objects.equals(previous.role(), current.role())) {
      return Activity.TROUBLE;
    }
    if (current.opsPerSec() != null && current.opsPerSec() >= options.busyOpsPerSec()) {
      return Activity.BUSY;
    }
    if (changed(previous.usedMemory(), current.usedMemory())
        || changed(previous.keys(), current.keys())) {
      return Activity.BUSY;
    }
    if (previous.connectedClients() != null
        && current.connectedClients() != null
        && Math.abs(current.connectedClients() - previous.connectedClients())
            >= options.clientsChange()) {
      return Activity.BUSY;
    }
    return Activity.QUIET;
  }

  private boolean changed(Long before, Long now) {
    if (before == null || now == null) {
      return false;
    }
    long base = Math.max(1, Math.max(before, now));
    return Math.abs(now - before) >= options.changeRatio() * base && Math.abs(now - before) > 1;
  }
}
