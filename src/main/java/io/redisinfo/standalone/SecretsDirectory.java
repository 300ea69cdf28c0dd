package io.redisinfo.standalone;

import io.redisinfo.component.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --secrets-dir DIR}: a {@code passwordSecretRef {name, key}} is the file {@code
 * DIR/name/key}, the layout of a Kubernetes Secret mounted as a volume.
 */
final class SecretsDirectory {
  private final Path root;

  /**
   * @param root the directory, or null when none was given
   */
  SecretsDirectory(Path root) {
    this.root = root;
  }

  /**
   * @param field the spec field the reference is in, for messages ({@code tls.caSecretRef})
   * @param what what the file holds, for messages ({@code CA certificate})
   * @return the file's text (one trailing newline removed)
   * @throws IllegalStateException saying which file is missing or unreadable
   */
  String read(SecretRef ref, String field, String what) {
    if (root == null) {
      throw new IllegalStateException(
          field
              + " "
              + ref.name()
              + "/"
              + ref.key()
              + " needs --secrets-dir (a directory with the file NAME/KEY)");
    }
    if (ref.name().contains("/") || ref.key().contains("/") || ref.name().startsWith("..")) {
      throw new IllegalStateException(
          field + " " + ref.name() + "/" + ref.key() + " must not contain '/' or '..'");
    }
    Path file = root.resolve(ref.name()).resolve(ref.key());
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(
          what
              + " file "
              + file
              + " for "
              + field
              + " "
              + ref.name()
              + "/"
              + ref.key()
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
