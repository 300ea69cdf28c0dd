package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One entry of {@code status.advisories}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdvisoryStatus {
  @JsonPropertyDescription("The rule, e.g. no-maxmemory (docs/ADVISORIES.md).")
  private String name;

  @JsonPropertyDescription("critical, warning or info, by the rule and the component's purpose.")
  private String severity;

  @JsonPropertyDescription("What was seen and what to change.")
  private String message;

  @JsonPropertyDescription("The shard it concerns; absent when it concerns the whole component.")
  private String shard;

  @JsonPropertyDescription("When it was first seen (RFC 3339).")
  private String since;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getShard() {
    return shard;
  }

  public void setShard(String shard) {
    this.shard = shard;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }
}
