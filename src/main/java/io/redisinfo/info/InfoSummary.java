package io.redisinfo.info;

/**
 * The few figures people look at first, taken from one INFO reply and, for rates, the one before.
 * Every field is null when the server did not report it (older versions, a section missing).
 *
 * @param opsPerSec commands per second from the change of {@code total_commands_processed}
 *     between two polls (null on the first poll or after a restart of the server)
 * @param hitRatio {@code keyspace_hits / (hits + misses)} in 0..1, null when both are 0
 * @param keys keys over all databases
 * @param masterLinkStatus replicas only: {@code up} or {@code down}
 * @param replicationLagSeconds replicas: seconds since the last I/O with the master; masters: the
 *     largest {@code lag} of their replicas
 */
public record InfoSummary(
    String role,
    String version,
    Long uptimeSeconds,
    Long usedMemory,
    Long maxMemory,
    Double opsPerSec,
    Long connectedClients,
    Long blockedClients,
    Long keys,
    Double hitRatio,
    Long evictedKeys,
    Long expiredKeys,
    Long rejectedConnections,
    Long connectedSlaves,
    String masterLinkStatus,
    Long replicationLagSeconds,
    String rdbLastBgsaveStatus,
    String aofLastWriteStatus,
    Boolean loading) {}
