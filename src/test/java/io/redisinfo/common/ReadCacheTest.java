package io.redisinfo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
  /** The source: a value per key, absent when missing, unreadable when "down". */
  private final Map<String, String> source = new HashMap<>();

  private final List<String> reads = new ArrayList<>();
  private boolean down;
  private long now;
  private final ReadCache<String, String> cache =
      new ReadCache<>(
          key -> {
            reads.add(key);
            return down ? null : Optional.ofNullable(source.get(key));
          },
          Duration.ofSeconds(5),
          () -> now);

  @Test
  void readsOnceWhenFirstAskedAndKeepsAbsentToo() {
    source.put("a", "1");
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.get("missing")).isNull();
    assertThat(cache.get("missing")).isNull();
    assertThat(reads).containsExactly("a", "missing");
  }

  @Test
  void anUnreadableValueIsNotKeptButAKnownOneStays() {
    down = true;
    assertThat(cache.get("a")).isNull();
    down = false;
    source.put("a", "1");
    assertThat(cache.get("a")).isEqualTo("1");
    down = true;
    assertThat(cache.refresh(Set.of("a"))).isFalse();
    assertThat(cache.get("a")).isEqualTo("1");
  }

  @Test
  void refreshReadsEachKeyOnceSaysWhetherOneChangedAndForgetsTheRest() {
    source.put("a", "1");
    source.put("b", "2");
    cache.get("a");
    cache.get("b");
    reads.clear();
    assertThat(cache.refresh(Set.of("a", "b"))).isFalse();
    assertThat(reads).containsExactlyInAnyOrder("a", "b");

    source.put("a", "changed");
    assertThat(cache.refresh(Set.of("a", "b"))).isTrue();
    source.remove("b");
    assertThat(cache.refresh(Set.of("a", "b"))).isTrue();
    assertThat(cache.last("b")).isEmpty();
    source.put("c", "3");
    assertThat(cache.refresh(Set.of("a", "c"))).as("c appeared").isTrue();

    assertThat(cache.refresh(Set.of("c"))).isFalse();
    reads.clear();
    assertThat(cache.last("a")).as("forgotten").isEmpty();
    assertThat(cache.get("a")).isEqualTo("changed");
    assertThat(reads).containsExactly("a");
  }

  @Test
  void recheckReadsAKeyAtMostOncePerFloor() {
    source.put("a", "1");
    cache.get("a");
    reads.clear();
    source.put("a", "2");
    assertThat(cache.recheck(List.of("a"))).isTrue();
    now += Duration.ofSeconds(4).toNanos();
    assertThat(cache.recheck(List.of("a"))).isFalse();
    assertThat(reads).containsExactly("a");
    now += Duration.ofSeconds(1).toNanos();
    source.put("a", "3");
    assertThat(cache.recheck(List.of("a"))).isTrue();
    assertThat(cache.get("a")).isEqualTo("3");
    assertThat(reads).containsExactly("a", "a");
  }
}
