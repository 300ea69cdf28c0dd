package io.redisinfo.component;

/** A key of a Secret in the component's namespace (a file {@code DIR/name/key} standalone). */
public record SecretRef(String name, String key) {}
