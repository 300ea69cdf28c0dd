package io.redisinfo.component.status;

/**
 * One shard of a component as shown in its status.
 *
 * @param id the shard id
 * @param address {@code host:port}
 * @param pod {@code namespace/name} of the pod, or null for an endpoint
 * @param role {@code master} or {@code slave} from the latest INFO, or null before the first
 * @param reachable whether the last poll succeeded
 * @param lastError what went wrong in the last failed poll, or null
 */
public record ShardStatus(
    String id, String address, String pod, String role, boolean reachable, String lastError) {}
