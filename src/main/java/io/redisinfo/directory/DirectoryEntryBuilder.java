package io.redisinfo.directory;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentSpec;
import io.redisinfo.component.status.ComponentStatusAggregator;
import io.redisinfo.shard.Shard;
import io.redisinfo.shard.ShardAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the directory entry of a valid component from its spec and, for a selector component, its
 * shards. It reads no credentials: the password of a shard is never looked at.
 */
public final class DirectoryEntryBuilder {
  private final DirectoryJson json;

  public DirectoryEntryBuilder(DirectoryJson json) {
    this.json = json;
  }

  /**
   * @param shards any shards; those whose {@code spec().component()} is the component's key are
   *     used
   */
  public DirectoryEntry build(Component component, Collection<Shard> shards) {
    ComponentSpec spec = component.spec();
    String host;
    Integer port;
    List<PodEndpoint> pods = null;
    if (spec.endpoint() != null) {
      host = spec.endpoint().host();
      port = spec.endpoint().port();
    } else {
      List<Shard> own = ComponentStatusAggregator.shardsOf(component.key(), shards);
      Shard primary = ComponentStatusAggregator.primaryOf(own);
      boolean master = primary != null && "master".equals(primary.snapshot().role());
      host = master ? primary.spec().address().host() : null;
      port = master ? primary.spec().address().port() : null;
      pods = new ArrayList<>();
      for (Shard shard : own) {
        ShardAddress address = shard.spec().address();
        pods.add(new PodEndpoint(podName(shard), address.host(), address.port()));
      }
      pods.sort(Comparator.comparing(PodEndpoint::name));
    }
    DirectoryEntry entry =
        new DirectoryEntry(
            DirectoryEntry.TYPE,
            component.namespace(),
            component.name(),
            spec.purpose().wireName(),
            host,
            port,
            spec.database(),
            spec.tls(),
            spec.username(),
            spec.passwordSecretRef(),
            host == null ? null : uri(spec, host, port),
            pods,
            spec.config(),
            null);
    return json.versioned(entry);
  }

  /** {@code redis[s]://[user@]host:port/db}; never a password. */
  static String uri(ComponentSpec spec, String host, int port) {
    StringBuilder uri = new StringBuilder(spec.tls() ? "rediss://" : "redis://");
    if (spec.username() != null) {
      uri.append(URLEncoder.encode(spec.username(), StandardCharsets.UTF_8).replace("+", "%20"))
          .append('@');
    }
    uri.append(new ShardAddress(host, port)).append('/').append(spec.database());
    return uri.toString();
  }

  private static String podName(Shard shard) {
    String pod = shard.spec().pod();
    if (pod == null) {
      return shard.id();
    }
    int slash = pod.indexOf('/');
    return slash < 0 ? pod : pod.substring(slash + 1);
  }
}
