package io.redisinfo.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the directory into files for standalone {@code --directory-dir DIR}: {@code
 * DIR/<namespace>/<component>.json}, one entry each. A file is replaced atomically (written to a
 * temporary file in the same folder, then renamed over the old one), so a reader sees the old or
 * the new content, never a part. The folder belongs to the tool: {@link #attach} removes {@code
 * *.json} files of entries that no longer exist.
 */
public final class DirectoryFileWriter implements DirectoryListener {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryFileWriter.class);

  private final Path root;
  private final DirectoryJson json;

  public DirectoryFileWriter(Path root, DirectoryJson json) {
    this.root = root.toAbsolutePath().normalize();
    this.json = json;
  }

  /**
   * Creates the folder, writes every current entry, deletes stale files and listens for changes.
   *
   * @throws UncheckedIOException when the folder cannot be created or written
   */
  public void attach(Directory directory) {
    try {
      Files.createDirectories(root);
      Set<Path> wanted = new HashSet<>();
      for (DirectoryEntry entry : directory.all()) {
        write(entry);
        wanted.add(fileOf(entry.namespace(), entry.component()));
      }
      deleteStale(wanted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the directory to " + root + ": " + e, e);
    }
    directory.addListener(this);
  }

  @Override
  public void onChanged(String key, DirectoryEntry previous, DirectoryEntry current) {
    try {
      if (current != null) {
        write(current);
      } else if (previous != null) {
        Files.deleteIfExists(fileOf(previous.namespace(), previous.component()));
      }
    } catch (IOException | RuntimeException e) {
      // A full disk must not stop the directory: the next change writes again.
      LOG.warn("cannot write directory file for {}: {}", key, e.toString());
    }
  }

  /** {@code DIR/namespace/component.json}, refusing names that would leave {@code DIR}. */
  public Path fileOf(String namespace, String component) {
    Path file = root.resolve(namespace).resolve(component + ".json").normalize();
    if (!file.startsWith(root) || !file.getParent().getParent().equals(root)) {
      throw new IllegalArgumentException(
          "namespace '" + namespace + "' and component '" + component + "' are not plain names");
    }
    return file;
  }

  void write(DirectoryEntry entry) throws IOException {
    Path file = fileOf(entry.namespace(), entry.component());
    Path folder = file.getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + entry.component() + ".", ".tmp");
    try {
      Files.writeString(temp, json.write(entry) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void deleteStale(Set<Path> wanted) throws IOException {
    try (DirectoryStream<Path> namespaces = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path namespace : namespaces) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(namespace, "*.json")) {
          for (Path file : files) {
            if (!wanted.contains(file.toAbsolutePath().normalize())) {
              Files.delete(file);
            }
          }
        }
      }
    }
  }
}
