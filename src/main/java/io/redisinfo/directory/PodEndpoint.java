package io.redisinfo.directory;

/** One pod of a selector component, as apps would address it. */
public record PodEndpoint(String name, String host, int port) {}
