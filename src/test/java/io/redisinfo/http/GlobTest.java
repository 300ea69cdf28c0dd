package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "used_memory|used_memory|true",
        "used_memory|used_memory_rss|false",
        "used_memory*|used_memory_rss|true",
        "used_memory*|used_memory|true",
        "*|anything|true",
        "*|''|true",
        "cmdstat_*|cmdstat_get|true",
        "cmdstat_*|errorstat_ERR|false",
        "*_human|used_memory_human|true",
        "*_human|used_memory_human_x|false",
        "a*b*c|aXbYc|true",
        "a*b*c|abcabc|true",
        "a*b*c|acb|false",
        "db?|db0|true",
        "db?|db10|false",
        "db??|db10|true",
        "db[0-3]|db2|true",
        "db[0-3]|db4|false",
        "db[3-0]|db1|true",
        "db[^0-3]|db4|true",
        "db[^0-3]|db1|false",
        "[abc]x|bx|true",
        "[abc]x|dx|false",
        "[a-cx-z]|y|true",
        "[a\\]]|]|true",
        "a\\*b|a*b|true",
        "a\\*b|axb|false",
        "a\\?|a?|true",
        "a\\\\b|a\\b|true",
        "shop/*|shop/cache-0|true",
        "10.0.0.?:6379|10.0.0.7:6379|true",
        "*:6380|10.0.0.7:6379|false",
        "a]b|a]b|true",
        "Used_Memory|used_memory|false",
      })
  void matchesLikeRedis(String pattern, String text, boolean expected) {
    assertThat(Glob.compile(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  void aPatternWithoutWildcardsIsALiteral() {
    assertThat(Glob.compile("shop/cache").isLiteral()).isTrue();
    assertThat(Glob.compile("shop/cache").literal()).isEqualTo("shop/cache");
    assertThat(Glob.compile("a\\*b").literal()).isEqualTo("a*b");
    assertThat(Glob.compile("a*").isLiteral()).isFalse();
    assertThat(Glob.compile("a?").isLiteral()).isFalse();
    assertThat(Glob.compile("[ab]").isLiteral()).isFalse();
  }

  @Test
  void rejectsAnEmptyPattern() {
    assertThatThrownBy(() -> Glob.compile(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty pattern; use * to match everything");
  }

  @Test
  void rejectsAnUnbalancedBracket() {
    assertThatThrownBy(() -> Glob.compile("db[0-3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'db[0-3' has '[' at position 3 without a closing ']'");
    assertThatThrownBy(() -> Glob.compile("[a\\]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a closing ']'");
  }

  @Test
  void rejectsAnEmptySet() {
    assertThatThrownBy(() -> Glob.compile("x[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'x[]' has an empty set '[]' at position 2");
  }

  @Test
  void rejectsATrailingBackslash() {
    assertThatThrownBy(() -> Glob.compile("abc\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends with '\\'");
  }

  @Test
  void backtracksAcrossManyStars() {
    String text = "a".repeat(10_000) + "b";
    assertThat(Glob.compile("*a*a*a*a*a*c").matches(text)).isFalse();
    assertThat(Glob.compile("*a*a*a*a*a*b").matches(text)).isTrue();
  }
}
