package io.redisinfo.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of the {@code --components} files, each file parsed again only when its bytes
 * changed. A file that cannot be read keeps its last good documents, so nothing is lost to a
 * half-written file. Needs no registry, so the first read can run while the engine starts.
 */
final class ComponentFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentFiles.class);

  private final List<Path> files;
  private final String defaultNamespace;
  private final ComponentFile reader;
  private final Map<Path, byte[]> lastContent = new HashMap<>();
  private final Map<Path, List<ComponentFile.Document>> documents = new LinkedHashMap<>();

  ComponentFiles(List<Path> files, String defaultNamespace, ComponentFile reader) {
    this.files = List.copyOf(files);
    this.defaultNamespace = defaultNamespace;
    this.reader = reader;
  }

  /** Re-reads the files that changed; returns every file's documents, in the order given. */
  synchronized Map<Path, List<ComponentFile.Document>> read() {
    for (Path file : files) {
      readIfChanged(file);
    }
    return new LinkedHashMap<>(documents);
  }

  private void readIfChanged(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      if (lastContent.put(file, null) != null || !documents.containsKey(file)) {
        LOG.warn(
            "cannot read components file {} ({}); keeping its last good components",
            file,
            e.getClass().getSimpleName());
      }
      documents.putIfAbsent(file, List.of());
      return;
    }
    if (Arrays.equals(content, lastContent.get(file)) && documents.containsKey(file)) {
      return;
    }
    lastContent.put(file, content);
    documents.put(
        file, reader.parse(new String(content, StandardCharsets.UTF_8), defaultNamespace));
    LOG.info("read {} component document(s) from {}", documents.get(file).size(), file);
  }
}
