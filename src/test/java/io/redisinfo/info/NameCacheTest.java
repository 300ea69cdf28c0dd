package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NameCacheTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void returnsTheSameStringForTheSameName() {
    NameCache cache = new NameCache();
    String first = cache.get(b("xx used_memory yy"), 3, 14);
    String second = cache.get(b(new String("used_memory")), 0, 11);

    assertThat(first).isEqualTo("used_memory").isSameAs(second);
  }

  @Test
  void lowerCasesAsciiOnlyAndSharesWithPlainNames() {
    NameCache cache = new NameCache();
    String plain = cache.get(b("keyspace"), 0, 8);

    assertThat(cache.lowerCase(b("KeySpace"), 0, 8)).isSameAs(plain);
    assertThat(cache.lowerCase(b("ÄB"), 0, 3)).isEqualTo("Äb");
  }

  @Test
  void collisionsReplaceButNeverReturnAWrongName() {
    NameCache cache = new NameCache(1);

    assertThat(cache.get(b("a"), 0, 1)).isEqualTo("a");
    assertThat(cache.get(b("b"), 0, 1)).isEqualTo("b");
    assertThat(cache.lowerCase(b("A"), 0, 1)).isEqualTo("a");
    assertThat(cache.get(b("ab"), 0, 2)).isEqualTo("ab");
    assertThat(cache.lowerCase(b("AC"), 0, 2)).isEqualTo("ac");
  }

  @Test
  void longNamesAreNotCached() {
    NameCache cache = new NameCache();
    String name = "n".repeat(NameCache.MAX_CACHED_LENGTH + 1);
    String line = name + ":1";

    assertThat(cache.get(b(line), 0, name.length()))
        .isEqualTo(name)
        .isNotSameAs(cache.get(b(line), 0, name.length()));
  }

  @Test
  void capacityMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new NameCache(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be a power of two, was 1000");
    assertThatThrownBy(() -> new NameCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
