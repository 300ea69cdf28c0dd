package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.redisinfo.component.Purpose;

/**
 * {@code spec.purpose} as written in the resource: the lower-case twin of {@link Purpose}, so the
 * generated schema's enum lists exactly the values users type.
 */
public enum ComponentPurpose {
  @JsonProperty("cache")
  CACHE(Purpose.CACHE),
  @JsonProperty("session")
  SESSION(Purpose.SESSION),
  @JsonProperty("counter")
  COUNTER(Purpose.COUNTER),
  @JsonProperty("ratelimit")
  RATELIMIT(Purpose.RATELIMIT),
  @JsonProperty("lock")
  LOCK(Purpose.LOCK),
  @JsonProperty("queue")
  QUEUE(Purpose.QUEUE),
  @JsonProperty("stats")
  STATS(Purpose.STATS),
  @JsonProperty("log")
  LOG(Purpose.LOG),
  @JsonProperty("other")
  OTHER(Purpose.OTHER);

  private final Purpose purpose;

  ComponentPurpose(Purpose purpose) {
    this.purpose = purpose;
  }

  /** The core model's purpose. */
  public Purpose toPurpose() {
    return purpose;
  }
}
