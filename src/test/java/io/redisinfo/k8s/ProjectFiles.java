package io.redisinfo.k8s;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.redisinfo.resource.RedisComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository the tests read, and a serializer that knows RedisComponent. */
public final class ProjectFiles {
  public static final Path ROOT = Path.of("").toAbsolutePath();
  public static final String CRD_FILE = "rediscomponents.redisinfo.io-v1.yml";

  /**
   * The image name the Jib profile builds (pom.xml, {@code image.name}); tagged with the version.
   */
  public static final String IMAGE_NAME = "redis-info-operator";

  private static final java.util.regex.Pattern PROJECT_VERSION =
      java.util.regex.Pattern.compile(
          "<artifactId>redis-info-operator</artifactId>\\s*<version>([^<]+)</version>");

  private ProjectFiles() {}

  public static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The project's version in pom.xml, which the jar, the image tag and the chart carry. */
  public static String projectVersion() {
    var m = PROJECT_VERSION.matcher(read(path("pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("no project version in pom.xml");
    }
    return m.group(1);
  }

  /** The regular files directly in {@code dir}, sorted by name. */
  public static List<Path> filesIn(String dir) {
    try (Stream<Path> files = Files.list(path(dir))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fabric8's serializer with RedisComponent registered, as the operator's client has it. */
  public static KubernetesSerialization serialization() {
    KubernetesSerialization serialization = new KubernetesSerialization();
    serialization.registerKubernetesResource(RedisComponent.class);
    return serialization;
  }
}
