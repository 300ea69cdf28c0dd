package io.redisinfo.poll;

import io.lettuce.core.codec.StringCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 strings like {@link StringCodec#UTF8}, decoded through {@code new String(byte[], UTF_8)}.
 * Lettuce decodes with a {@code CharsetDecoder} loop, which took a sixth of the poller's CPU on a 5
 * KB {@code INFO everything} reply (docs/BENCHMARKS.md); the String constructor checks for ASCII
 * with an intrinsic and copies the bytes into a compact Latin-1 string.
 */
final class FastDecodingStringCodec extends StringCodec {
  static final FastDecodingStringCodec INSTANCE = new FastDecodingStringCodec();

  private FastDecodingStringCodec() {
    super(StandardCharsets.UTF_8);
  }

  @Override
  public String decodeKey(ByteBuffer bytes) {
    return decode(bytes);
  }

  @Override
  public String decodeValue(ByteBuffer bytes) {
    return decode(bytes);
  }

  static String decode(ByteBuffer bytes) {
    if (bytes == null) {
      return null;
    }
    int length = bytes.remaining();
    if (bytes.hasArray()) {
      String s =
          new String(
              bytes.array(),
              bytes.arrayOffset() + bytes.position(),
              length,
              StandardCharsets.UTF_8);
      bytes.position(bytes.limit());
      return s;
    }
    byte[] copy = new byte[length];
    bytes.get(copy);
    return new String(copy, StandardCharsets.UTF_8);
  }
}
