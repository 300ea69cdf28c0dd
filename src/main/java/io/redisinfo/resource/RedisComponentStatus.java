package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * {@code status} of a {@link RedisComponent}: the summarized INFO of its primary and the state of
 * every shard. Written only by the operator through the status subresource; never holds a password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RedisComponentStatus {
  @JsonPropertyDescription("metadata.generation of the spec this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "The Service Binding Secret of this component (servicebinding.io provisioned service);"
          + " absent when opted out or while the component has no address yet.")
  private BindingStatus binding;

  @JsonPropertyDescription(
      "Purpose-aware advisories now active (docs/ADVISORIES.md), most severe first; the Healthy"
          + " condition names the worst.")
  private List<AdvisoryStatus> advisories;

  @JsonPropertyDescription(
      "The ADVICE column: none, or the worst advisory's rule and how many more, e.g."
          + " no-maxmemory+1.")
  private String advice;

  @JsonPropertyDescription(
      "Kubernetes conditions; Ready is True while the primary answers INFO, False with a reason and a message that says what to fix otherwise.")
  private List<Condition> conditions;

  @JsonPropertyDescription("host:port of the primary (the first reachable master).")
  private String endpoint;

  @JsonPropertyDescription("Replication role of the primary as reported by INFO (master or slave).")
  private String role;

  @JsonPropertyDescription("redis_version reported by the primary.")
  private String redisVersion;

  @JsonPropertyDescription("Memory used by the primary in bytes (used_memory).")
  private Long usedMemory;

  @JsonPropertyDescription(
      "Configured memory limit of the primary in bytes (maxmemory); 0 means no limit.")
  private Long maxMemory;

  @JsonPropertyDescription("used_memory in human form, e.g. 1.21M, for the MEMORY column.")
  private String usedMemoryHuman;

  @JsonPropertyDescription(
      "Commands per second on the primary, computed from the change of total_commands_processed between two polls.")
  private Double opsPerSec;

  @JsonPropertyDescription("Clients connected to the primary (connected_clients).")
  private Long connectedClients;

  @JsonPropertyDescription("Keys in all databases of the primary (sum of the keyspace dbN keys).")
  private Long keys;

  @JsonPropertyDescription(
      "keyspace_hits / (keyspace_hits + keyspace_misses) between 0 and 1; absent before any lookup.")
  private Double hitRatio;

  @JsonPropertyDescription("hitRatio as a percentage, e.g. 97.3%, for the HIT% column.")
  private String hitRatioPercent;

  @JsonPropertyDescription("Keys evicted by the primary because of maxmemory (evicted_keys).")
  private Long evictedKeys;

  @JsonPropertyDescription("master_link_status of a replica (up or down); absent on a master.")
  private String masterLinkStatus;

  @JsonPropertyDescription(
      "Seconds since a replica last heard from its master (master_last_io_seconds_ago); absent on a master.")
  private Long replicationLagSeconds;

  @JsonPropertyDescription("When INFO was last read successfully (RFC 3339).")
  private String lastPollTime;

  @JsonPropertyDescription("Current interval between polls of the primary (Go duration, e.g. 2s).")
  private String pollInterval;

  @JsonPropertyDescription("Reachable shards / all shards, e.g. 2/2.")
  private String readyShards;

  @JsonPropertyDescription("One entry per Redis server of the component.")
  private List<ShardStatus> shards;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getRedisVersion() {
    return redisVersion;
  }

  public void setRedisVersion(String redisVersion) {
    this.redisVersion = redisVersion;
  }

  public Long getUsedMemory() {
    return usedMemory;
  }

  public void setUsedMemory(Long usedMemory) {
    this.usedMemory = usedMemory;
  }

  public Long getMaxMemory() {
    return maxMemory;
  }

  public void setMaxMemory(Long maxMemory) {
    this.maxMemory = maxMemory;
  }

  public String getUsedMemoryHuman() {
    return usedMemoryHuman;
  }

  public void setUsedMemoryHuman(String usedMemoryHuman) {
    this.usedMemoryHuman = usedMemoryHuman;
  }

  public Double getOpsPerSec() {
    return opsPerSec;
  }

  public void setOpsPerSec(Double opsPerSec) {
    this.opsPerSec = opsPerSec;
  }

  public Long getConnectedClients() {
    return connectedClients;
  }

  public void setConnectedClients(Long connectedClients) {
    this.connectedClients = connectedClients;
  }

  public Long getKeys() {
    return keys;
  }

  public void setKeys(Long keys) {
    this.keys = keys;
  }

  public Double getHitRatio() {
    return hitRatio;
  }

  public void setHitRatio(Double hitRatio) {
    this.hitRatio = hitRatio;
  }

  public String getHitRatioPercent() {
    return hitRatioPercent;
  }

  public void setHitRatioPercent(String hitRatioPercent) {
    this.hitRatioPercent = hitRatioPercent;
  }

  public Long getEvictedKeys() {
    return evictedKeys;
  }

  public void setEvictedKeys(Long evictedKeys) {
    this.evictedKeys = evictedKeys;
  }

  public String getMasterLinkStatus() {
    return masterLinkStatus;
  }

  public void setMasterLinkStatus(String masterLinkStatus) {
    this.masterLinkStatus = masterLinkStatus;
  }

  public Long getReplicationLagSeconds() {
    return replicationLagSeconds;
  }

  public void setReplicationLagSeconds(Long replicationLagSeconds) {
    this.replicationLagSeconds = replicationLagSeconds;
  }

  public String getLastPollTime() {
    return lastPollTime;
  }

  public void setLastPollTime(String lastPollTime) {
    this.lastPollTime = lastPollTime;
  }

  public String getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(String pollInterval) {
    this.pollInterval = pollInterval;
  }

  public String getReadyShards() {
    return readyShards;
  }

  public void setReadyShards(String readyShards) {
    this.readyShards = readyShards;
  }

  public List<ShardStatus> getShards() {
    return shards;
  }

  public void setShards(List<ShardStatus> shards) {
    this.shards = shards;
  }

  public BindingStatus getBinding() {
    return binding;
  }

  public void setBinding(BindingStatus binding) {
    this.binding = binding;
  }

  public List<AdvisoryStatus> getAdvisories() {
    return advisories;
  }

  public void setAdvisories(List<AdvisoryStatus> advisories) {
    this.advisories = advisories;
  }

  public String getAdvice() {
    return advice;
  }

  public void setAdvice(String advice) {
    this.advice = advice;
  }
}
