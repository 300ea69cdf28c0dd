package io.redisinfo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Real {@code redis-server} binaries of older versions, as Maven Central ships them inside
 * embedded-redis artifacts (test dependencies of this project; only the binary is used, never their
 * Java code). Each is copied out of the class path into {@code target/redis-binaries} once and run
 * from there.
 */
public enum RedisBinaries {
  /** it.ozimov:embedded-redis 0.7.3: the last 2.8, which answers INFO everything with nothing. */
  REDIS_2_8_19("2.8.19", "redis-server-2.8.19"),
  /** org.signal:embedded-redis 0.8.3. */
  REDIS_6_2_7("6.2.7", "redis-server-6.2.7-linux-amd64"),
  /** Debian's package (7.0 on bookworm), from the PATH. */
  DEBIAN(null, null);

  private static final Path DIR = Path.of("target", "redis-binaries");

  private final String version;
  private final String resource;

  RedisBinaries(String version, String resource) {
    this.version = version;
    this.resource = resource;
  }

  /** The version the binary reports, or null for the system's. */
  public String version() {
    return version;
  }

  /**
   * The path of the binary, ready to run. Skips the test (an assumption, not a failure) on a
   * machine that cannot run it: these are x86-64 Linux builds.
   */
  public String path() {
    if (resource == null) {
      return System.getenv().getOrDefault("REDIS_SERVER", "redis-server");
    }
    Assumptions.assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
        "the embedded " + version + " binary is built for x86-64 Linux");
    Path target = DIR.resolve(resource).toAbsolutePath();
    synchronized (RedisBinaries.class) {
      if (!Files.isExecutable(target)) {
        copy(target);
      }
    }
    return target.toString();
  }

  private void copy(Path target) {
    try (InputStream in = RedisBinaries.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the test class path (see the embedded-redis test dependencies)");
      }
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), resource, ".part");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (!partial.toFile().setExecutable(true)) {
        throw new IllegalStateException("cannot make " + partial + " executable");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every binary matching {@code which}, for parameterised tests. */
  public static RedisBinaries[] matching(Predicate<RedisBinaries> which) {
    return java.util.Arrays.stream(values()).filter(which).toArray(RedisBinaries[]::new);
  }
}
