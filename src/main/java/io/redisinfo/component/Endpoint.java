package io.redisinfo.component;

/** One Redis server by address: a Service DNS name, an external host or an IP. */
public record Endpoint(String host, int port) {}
