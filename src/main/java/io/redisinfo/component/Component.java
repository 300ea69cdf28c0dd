package io.redisinfo.component;

/**
 * One declared component.
 *
 * @param generation the resource's {@code metadata.generation} (1 for files)
 */
public record Component(String namespace, String name, ComponentSpec spec, long generation) {
  /** {@code namespace/name}, the id used in shards, HTTP and the directory. */
  public String key() {
    return namespace + "/" + name;
  }
}
