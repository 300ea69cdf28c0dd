package io.redisinfo.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardRegistrySortedTest {
  private final ShardRegistry registry = new ShardRegistry(Duration.ofSeconds(1));

  private static List<String> ids(List<Shard> shards) {
    return shards.stream().map(Shard::id).toList();
  }

  private void put(String id, int port) {
    registry.put("test", ShardSpec.of(id, new ShardAddress("127.0.0.1", port)));
  }

  @Test
  void listsTheShardsByIdAndFollowsAddsAndRemovals() {
    put("b", 1);
    put("c", 2);
    put("a", 3);
    assertThat(ids(registry.allSortedById())).containsExactly("a", "b", "c");

    put("0", 4);
    registry.remove("b");
    assertThat(ids(registry.allSortedById())).containsExactly("0", "a", "c");

    registry.sync("test", List.of(ShardSpec.of("z", new ShardAddress("127.0.0.1", 5))));
    assertThat(ids(registry.allSortedById())).containsExactly("z");
  }

  @Test
  void isTheSameListUntilTheSetChangesAndCannotBeModified() {
    put("a", 1);
    List<Shard> first = registry.allSortedById();
    // An update of a shard's spec keeps the same Shard, so the list stays valid.
    put("a", 2);
    assertThat(registry.allSortedById()).isSameAs(first);
    assertThat(first.get(0).spec().address().port()).isEqualTo(2);
    assertThatThrownBy(() -> first.add(first.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);

    put("b", 3);
    assertThat(registry.allSortedById()).isNotSameAs(first);
    assertThat(ids(first)).containsExactly("a");
  }

  @Test
  void aListenerMayWaitForAnotherThreadReadingTheSortedList() throws Exception {
    // DirectoryUpdater.refreshAll (under its own lock) reads the sorted list while a sync calls
    // the updater's listener (under the registry's lock): the read must not need that lock.
    put("a", 1);
    registry.remove("a"); // the cached list is stale, so the next read builds one
    java.util.concurrent.atomic.AtomicReference<List<String>> seenByOtherThread =
        new java.util.concurrent.atomic.AtomicReference<>();
    registry.addListener(
        new ShardListener() {
          @Override
          public void onAdded(Shard shard) {
            java.util.concurrent.CompletableFuture<List<String>> read =
                java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ids(registry.allSortedById()));
            try {
              seenByOtherThread.set(read.get(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (Exception e) {
              throw new AssertionError("the other thread's read blocked: " + e, e);
            }
          }

          @Override
          public void onUpdated(Shard shard, ShardSpec previous) {}

          @Override
          public void onRemoved(Shard shard) {}
        });

    registry.sync("test", List.of(ShardSpec.of("b", new ShardAddress("127.0.0.1", 2))));

    assertThat(seenByOtherThread.get()).containsExactly("b");
    assertThat(ids(registry.allSortedById())).containsExactly("b");
  }
}
