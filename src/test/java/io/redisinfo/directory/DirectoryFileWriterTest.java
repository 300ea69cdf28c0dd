package io.redisinfo.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileWriterTest {
  @TempDir Path dir;

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final Directory directory = new Directory(timer);
  private final DirectoryJson json = new DirectoryJson();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private DirectoryEntry entry(String namespace, String component, int port) {
    return json.versioned(
        new DirectoryEntry(
            "redis",
            namespace,
            component,
            "cache",
            "h",
            port,
            0,
            false,
            "app",
            null,
            "redis://app@h:" + port + "/0",
            null,
            Map.of(),
            null));
  }

  private static Stream<Path> filesUnder(Path root) throws IOException {
    return Files.walk(root).filter(Files::isRegularFile);
  }

  @Test
  void writesEachEntryAsItsOwnFileAndFollowsChanges() throws IOException {
    directory.update(entry("shop", "cache", 1));
    DirectoryFileWriter writer = new DirectoryFileWriter(dir, json);
    writer.attach(directory);

    Path cache = dir.resolve("shop/cache.json");
    JsonNode first = new ObjectMapper().readTree(cache.toFile());
    assertThat(first.path("port").asInt()).isEqualTo(1);
    assertThat(first.path("version").asText())
        .isEqualTo(directory.get("shop/cache").get().version());

    directory.update(entry("shop", "cache", 2));
    directory.update(entry("billing", "locks", 3));
    assertThat(new ObjectMapper().readTree(cache.toFile()).path("port").asInt()).isEqualTo(2);
    assertThat(dir.resolve("billing/locks.json")).exists();

    directory.remove("shop/cache");
    assertThat(cache).doesNotExist();
    try (Stream<Path> files = filesUnder(dir)) {
      assertThat(files).containsExactly(dir.resolve("billing/locks.json"));
    }
  }

  @Test
  void attachRemovesStaleFilesButKeepsOthers() throws IOException {
    Files.createDirectories(dir.resolve("shop"));
    Files.writeString(dir.resolve("shop/gone.json"), "{}");
    Files.writeString(dir.resolve("shop/README.txt"), "mine");
    directory.update(entry("shop", "cache", 1));

    new DirectoryFileWriter(dir, json).attach(directory);

    assertThat(dir.resolve("shop/gone.json")).doesNotExist();
    assertThat(dir.resolve("shop/README.txt")).exists();
    assertThat(dir.resolve("shop/cache.json")).exists();
  }

  @Test
  void fileContentIsTheEntryJson() throws IOException {
    DirectoryFileWriter writer = new DirectoryFileWriter(dir, json);
    writer.attach(directory);
    DirectoryEntry entry = entry("shop", "cache", 7);
    directory.update(entry);

    assertThat(Files.readString(dir.resolve("shop/cache.json")))
        .isEqualTo(json.write(entry) + "\n");
  }

  @Test
  void namesThatWouldLeaveTheFolderAreRefused() {
    DirectoryFileWriter writer = new DirectoryFileWriter(dir, json);

    assertThatThrownBy(() -> writer.fileOf("..", "cache"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not plain names");
    assertThatThrownBy(() -> writer.fileOf("shop", "../../etc/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.fileOf("a/b", "cache"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
