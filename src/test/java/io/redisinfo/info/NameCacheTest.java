package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameCacheTest {
  @Test
  void returnsTheSameStringForTheSameName() {
    NameCache cache = new NameCache();
    String first = cache.get("xx used_memory yy", 3, 14);
    String second = cache.get(new String("used_memory"), 0, 11);

    assertThat(first).isEqualTo("used_memory").isSameAs(second);
  }

  @Test
  void lowerCasesAsciiOnlyAndSharesWithPlainNames() {
    NameCache cache = new NameCache();
    String plain = cache.get("keyspace", 0, 8);

    assertThat(cache.lowerCase("KeySpace", 0, 8)).isSameAs(plain);
    assertThat(cache.lowerCase("ÄB", 0, 2)).isEqualTo("Äb");
  }

  @Test
  void collisionsReplaceButNeverReturnAWrongName() {
    NameCache cache = new NameCache(1);

    assertThat(cache.get("a", 0, 1)).isEqualTo("a");
    assertThat(cache.get("b", 0, 1)).isEqualTo("b");
    assertThat(cache.lowerCase("A", 0, 1)).isEqualTo("a");
    assertThat(cache.get("ab", 0, 2)).isEqualTo("ab");
    assertThat(cache.lowerCase("AC", 0, 2)).isEqualTo("ac");
  }

  @Test
  void longNamesAreNotCached() {
    NameCache cache = new NameCache();
    String name = "n".repeat(NameCache.MAX_CACHED_LENGTH + 1);
    String line = name + ":1";

    assertThat(cache.get(line, 0, name.length()))
        .isEqualTo(name)
        .isNotSameAs(cache.get(line, 0, name.length()));
  }

  @Test
  void capacityMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new NameCache(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be a power of two, was 1000");
    assertThatThrownBy(() -> new NameCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
