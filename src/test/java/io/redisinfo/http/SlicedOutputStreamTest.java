package io.redisinfo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlicedOutputStreamTest {
  /** Records the size of every write it is handed. */
  private static final class Recording extends ByteArrayOutputStream {
    final List<Integer> writes = new ArrayList<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes.add(len);
      super.write(b, off, len);
    }
  }

  @Test
  void aLargeWriteArrivesWholeInSlicesNoLargerThanTheLimit() throws IOException {
    byte[] body = new byte[5 * SlicedOutputStream.SLICE + 123];
    new Random(7).nextBytes(body);
    Recording target = new Recording();

    try (SlicedOutputStream out = new SlicedOutputStream(target)) {
      out.write(body, 0, 10);
      out.write(body, 10, body.length - 10);
    }

    assertThat(target.toByteArray()).isEqualTo(body);
    assertThat(target.writes).allMatch(size -> size <= SlicedOutputStream.SLICE);
    assertThat(target.writes).containsExactly(10, 65536, 65536, 65536, 65536, 65536, 113);
  }

  @Test
  void rejectsARangeOutsideTheArray() {
    SlicedOutputStream out = new SlicedOutputStream(new Recording());
    assertThatThrownBy(() -> out.write(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
