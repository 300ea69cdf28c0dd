package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;

class InfoSectionTest {
  @Test
  void anEmptyOrSectionLessReplyIsUnusable() {
    assertThat(InfoSection.isUnusable((byte[]) null)).isTrue();
    assertThat(InfoSection.isUnusable("")).isTrue();
    assertThat(InfoSection.isUnusable("\r\n")).isTrue();
    assertThat(InfoSection.isUnusable("redis_version:2.6.17\r\n")).isTrue();
    assertThat(InfoSection.isUnusable("# Server\r\nredis_version:2.8.19\r\n")).isFalse();
    assertThat(InfoSection.isUnusable("\r\n# Server\r\nredis_version:7\r\n")).isFalse();
  }

  @Test
  void onlyAnArgumentErrorFallsBack() {
    assertThat(InfoSection.isRefusedArgument(error("ERR syntax error"))).isTrue();
    assertThat(InfoSection.isRefusedArgument(error("ERR unknown section 'everything'"))).isTrue();
    assertThat(InfoSection.isRefusedArgument(error("ERR wrong number of arguments for 'info'")))
        .isTrue();
    assertThat(InfoSection.isRefusedArgument(error("ERR unknown command 'INFO'"))).isFalse();
    assertThat(InfoSection.isRefusedArgument(error("NOPERM this user has no permissions")))
        .isFalse();
    assertThat(InfoSection.isRefusedArgument(error("LOADING Redis is loading"))).isFalse();
    assertThat(InfoSection.isRefusedArgument(new IllegalStateException("ERR syntax"))).isFalse();
  }

  @Test
  void theFormsGetOlderAndEnd() {
    assertThat(InfoSection.EVERYTHING.fallback()).isEqualTo(InfoSection.ALL);
    assertThat(InfoSection.ALL.fallback()).isEqualTo(InfoSection.DEFAULT);
    assertThat(InfoSection.DEFAULT.fallback()).isNull();
    assertThat(InfoSection.DEFAULT.command()).isEqualTo("INFO");
  }

  private static RedisCommandExecutionException error(String message) {
    return new RedisCommandExecutionException(message);
  }
}
