package io.redisinfo.advice;

/**
 * Told when an advisory starts (held for long enough) and when it clears (absent for long enough),
 * on the poller's thread while the component's advisories are locked: be quick, hand slow work (API
 * calls) to another thread, and do not call back into the tracker's mutators.
 */
public interface AdvisoryListener {
  /**
   * @param component {@code namespace/name}
   */
  void onStarted(String component, Advisory advisory);

  /**
   * @param advisory the advisory as it was last seen
   */
  void onCleared(String component, Advisory advisory);
}
