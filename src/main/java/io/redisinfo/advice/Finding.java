package io.redisinfo.advice;

/**
 * What a rule found: the message that says what to change, on one shard or (shard null) on the
 * component as a whole. Severity and why are added from the rule and the purpose.
 */
public record Finding(String shard, String message) {}
