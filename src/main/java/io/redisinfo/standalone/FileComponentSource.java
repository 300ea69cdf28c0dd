package io.redisinfo.standalone;

import io.redisinfo.component.Component;
import io.redisinfo.component.ComponentRegistry;
import io.redisinfo.component.ComponentShards;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.shard.ShardRegistry;
import io.redisinfo.shard.ShardSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the component and shard registries in step with the {@code --components} files and the
 * password files of {@code --secrets-dir}: {@link #refresh()} re-reads what changed (call it
 * periodically). A file that cannot be read keeps its last good components, so nothing is lost to a
 * half-written file.
 */
final class FileComponentSource {
  static final String SOURCE = "component-files";
  private static final Logger LOG = LoggerFactory.getLogger(FileComponentSource.class);

  private final ComponentFiles files;
  private final SecretsDirectory secrets;
  private final ComponentRegistry components;
  private final ShardRegistry shards;
  private final Set<String> reported = new HashSet<>();

  FileComponentSource(
      ComponentFiles files,
      SecretsDirectory secrets,
      ComponentRegistry components,
      ShardRegistry shards) {
    this.files = files;
    this.secrets = secrets;
    this.components = components;
    this.shards = shards;
  }

  /** Re-reads changed files, re-resolves passwords and syncs both registries. */
  synchronized void refresh() {
    Map<Path, List<ComponentFile.Document>> documents = files.read();
    List<ParsedComponent> wanted = new ArrayList<>();
    List<ShardSpec> specs = new ArrayList<>();
    Map<String, String> origin = new HashMap<>();
    Set<String> messages = new HashSet<>();
    for (Map.Entry<Path, List<ComponentFile.Document>> entry : documents.entrySet()) {
      for (ComponentFile.Document document : entry.getValue()) {
        String where = entry.getKey() + " document " + document.index();
        ParsedComponent parsed = document.component();
        if (parsed.key() != null && origin.containsKey(parsed.key())) {
          report(
              messages,
              where
                  + ": component "
                  + parsed.key()
                  + " is already defined in "
                  + origin.get(parsed.key())
                  + "; this one is skipped");
          continue;
        }
        if (parsed.key() != null) {
          origin.put(parsed.key(), where);
        }
        if (!parsed.valid()) {
          report(
              messages,
              where
                  + (parsed.key() == null ? "" : " (" + parsed.key() + ")")
                  + " is invalid and skipped: "
                  + String.join("; ", parsed.problems()));
          wanted.add(parsed);
          continue;
        }
        Component component = parsed.component();
        if (component.spec().endpoint() == null) {
          report(
              messages,
              where
                  + " ("
                  + parsed.key()
                  + "): selector components need Kubernetes"
                  + " pods; in standalone mode give an endpoint");
          wanted.add(parsed);
          continue;
        }
        try {
          specs.add(
              ComponentShards.endpointShard(
                  component, ComponentShards.credentials(component.spec(), secrets::read)));
          wanted.add(parsed);
        } catch (IllegalStateException e) {
          report(messages, where + " (" + parsed.key() + "): " + e.getMessage());
          wanted.add(
              new ParsedComponent(
                  parsed.namespace(), parsed.name(), null, List.of(e.getMessage())));
        }
      }
    }
    components.sync(SOURCE, wanted);
    shards.sync(SOURCE, specs);
    reported.retainAll(messages);
  }

  /** Logs a problem once, and again only after it went away and came back. */
  private void report(Set<String> current, String message) {
    current.add(message);
    if (reported.add(message)) {
      LOG.warn(message);
    }
  }
}
