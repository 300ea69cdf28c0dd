package io.redisinfo.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryTest {
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final Directory directory = new Directory(timer);
  private final DirectoryJson json = new DirectoryJson();

  DirectoryTest() {
    timer.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private DirectoryEntry entry(String component, int port) {
    return json.versioned(
        new DirectoryEntry(
            "redis",
            "shop",
            component,
            "cache",
            "h",
            port,
            0,
            false,
            null,
            null,
            "redis://h:" + port + "/0",
            null,
            Map.of(),
            null));
  }

  @Test
  void updateTellsListenersOnlyOfRealChanges() {
    List<String> events = new ArrayList<>();
    directory.addListener(
        (key, previous, current) ->
            events.add(
                key
                    + ":"
                    + (previous == null ? "-" : previous.port())
                    + ">"
                    + (current == null ? "-" : current.port())));

    assertThat(directory.update(entry("cache", 1))).isTrue();
    assertThat(directory.update(entry("cache", 1))).isFalse();
    assertThat(directory.update(entry("cache", 2))).isTrue();
    assertThat(directory.remove("shop/cache")).isTrue();
    assertThat(directory.remove("shop/cache")).isFalse();

    assertThat(events).containsExactly("shop/cache:->1", "shop/cache:1>2", "shop/cache:2>-");
  }

  @Test
  void allIsSortedByKey() {
    directory.update(entry("b", 1));
    directory.update(entry("a", 1));

    assertThat(directory.all()).extracting(DirectoryEntry::component).containsExactly("a", "b");
    assertThat(directory.get("shop", "a")).isPresent();
  }

  @Test
  void awaitChangeAnswersAtOnceWhenTheVersionDiffers() {
    DirectoryEntry e =
        directory.update(entry("cache", 1)) ? directory.get("shop/cache").get() : null;

    assertThat(directory.awaitChange("shop/cache", "stale", Duration.ofSeconds(30)))
        .isCompletedWithValue(Optional.of(e));
    assertThat(directory.awaitChange("shop/cache", null, Duration.ofSeconds(30)))
        .isCompletedWithValue(Optional.of(e));
    assertThat(directory.awaitChange("shop/cache", e.version(), Duration.ZERO))
        .isCompletedWithValue(Optional.of(e));
    assertThat(directory.waiting()).isZero();
  }

  @Test
  void awaitChangeCompletesOnUpdate() {
    directory.update(entry("cache", 1));
    String known = directory.get("shop/cache").get().version();

    CompletableFuture<Optional<DirectoryEntry>> waiting =
        directory.awaitChange("shop/cache", known, Duration.ofSeconds(30));
    assertThat(waiting).isNotDone();
    directory.update(entry("cache", 1));
    assertThat(waiting).isNotDone();
    directory.update(entry("cache", 2));

    assertThat(waiting).isCompleted();
    assertThat(waiting.join().orElseThrow().port()).isEqualTo(2);
    assertThat(directory.waiting()).isZero();
  }

  @Test
  void awaitChangeSeesRemovalAndCreation() {
    directory.update(entry("cache", 1));
    String known = directory.get("shop/cache").get().version();
    CompletableFuture<Optional<DirectoryEntry>> removal =
        directory.awaitChange("shop/cache", known, Duration.ofSeconds(30));
    CompletableFuture<Optional<DirectoryEntry>> creation =
        directory.awaitChange("shop/new", null, Duration.ofSeconds(30));

    directory.remove("shop/cache");
    directory.update(entry("new", 5));

    assertThat(removal).isCompletedWithValue(Optional.empty());
    assertThat(creation.join().orElseThrow().port()).isEqualTo(5);
  }

  @Test
  void awaitChangeEndsWithTheUnchangedEntryWhenTheWaitEnds() {
    directory.update(entry("cache", 1));
    DirectoryEntry current = directory.get("shop/cache").get();

    CompletableFuture<Optional<DirectoryEntry>> waiting =
        directory.awaitChange("shop/cache", current.version(), Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
    assertThat(waiting.join()).contains(current);
    assertThat(directory.waiting()).isZero();
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void cancellingDropsTheWaiterAndItsTimeout() {
    directory.update(entry("cache", 1));
    String known = directory.get("shop/cache").get().version();
    CompletableFuture<Optional<DirectoryEntry>> waiting =
        directory.awaitChange("shop/cache", known, Duration.ofSeconds(30));

    waiting.cancel(false);

    assertThat(directory.waiting()).isZero();
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void manyWaitersHoldNoThreadAndAllWakeOnOneChange() {
    directory.update(entry("cache", 1));
    String known = directory.get("shop/cache").get().version();
    int threadsBefore = Thread.activeCount();
    List<CompletableFuture<Optional<DirectoryEntry>>> waiters = new ArrayList<>();

    for (int i = 0; i < 20_000; i++) {
      waiters.add(directory.awaitChange("shop/cache", known, Duration.ofSeconds(60)));
    }
    assertThat(directory.waiting()).isEqualTo(20_000);
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 1);

    directory.update(entry("cache", 2));

    assertThat(waiters).allSatisfy(w -> assertThat(w.join().orElseThrow().port()).isEqualTo(2));
    assertThat(directory.waiting()).isZero();
    assertThat(timer.getQueue()).isEmpty();
  }
}
