package io.redisinfo.metrics;

/** What the Kubernetes status writer reports after every attempt to write a status. */
public interface StatusWriteMetrics {
  StatusWriteMetrics NONE = success -> {};

  /**
   * @param success whether the API server accepted the write
   */
  void recordStatusWrite(boolean success);
}
