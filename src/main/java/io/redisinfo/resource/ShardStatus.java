package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One entry of {@code status.shards}: a Redis server of the component as last polled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShardStatus {
  @JsonPropertyDescription("Shard id, as used by the HTTP API (/v1/shards).")
  private String id;

  @JsonPropertyDescription("host:port polled.")
  private String address;

  @JsonPropertyDescription("namespace/name of the pod, when the shard is a selected pod.")
  private String pod;

  @JsonPropertyDescription("Replication role reported by INFO: master or slave.")
  private String role;

  @JsonPropertyDescription("Whether the last INFO poll of this shard succeeded.")
  private Boolean reachable;

  @JsonPropertyDescription("Why the last poll failed; absent while the shard is reachable.")
  private String lastError;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPod() {
    return pod;
  }

  public void setPod(String pod) {
    this.pod = pod;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Boolean getReachable() {
    return reachable;
  }

  public void setReachable(Boolean reachable) {
    this.reachable = reachable;
  }

  public String getLastError() {
    return lastError;
  }

  public void setLastError(String lastError) {
    this.lastError = lastError;
  }
}
