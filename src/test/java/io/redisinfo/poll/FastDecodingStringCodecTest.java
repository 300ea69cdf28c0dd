package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.codec.StringCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FastDecodingStringCodecTest {
  private final FastDecodingStringCodec codec = FastDecodingStringCodec.INSTANCE;

  @Test
  void decodesLikeLettuceFromHeapAndDirectBuffers() {
    String text = "# Server\r\nredis_version:7.0.15\r\nname:caf\u00e9 \u2603\r\n";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer heap = ByteBuffer.wrap(new byte[utf8.length + 4], 2, utf8.length).slice();
    heap.put(utf8).flip();
    ByteBuffer direct = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();

    assertThat(codec.decodeValue(heap)).isEqualTo(text);
    assertThat(codec.decodeKey(direct)).isEqualTo(text);
    assertThat(heap.hasRemaining()).isFalse();
    assertThat(direct.hasRemaining()).isFalse();
    assertThat(codec.decodeValue(ByteBuffer.wrap(utf8)))
        .isEqualTo(StringCodec.UTF8.decodeValue(ByteBuffer.wrap(utf8)));
  }

  @Test
  void decodesEmptyAndNull() {
    assertThat(codec.decodeValue(ByteBuffer.allocate(0))).isEmpty();
    assertThat(codec.decodeValue(null)).isNull();
  }

  @Test
  void encodesLikeUtf8() {
    assertThat(codec.encodeValue("INFO")).isEqualTo(StringCodec.UTF8.encodeValue("INFO"));
  }
}
