package io.redisinfo.info;

/** Builds an {@link InfoSummary} from the latest INFO and the one before it. */
public final class InfoSummarizer {
  /**
   * @param current the latest INFO
   * @param previous the INFO of the poll before, or null
   * @param elapsedNanos monotonic nanoseconds between the two polls
   */
  public InfoSummary summarize(Info current, Info previous, long elapsedNanos) {
    throw new UnsupportedOperationException("TODO");
  }
}
