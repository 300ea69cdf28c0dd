package io.redisinfo.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes on in slices of at most {@link #SLICE} bytes. The JDK's HTTP server copies each
 * write of a fixed-length body through a per-connection buffer that grows to the largest single
 * write and is kept for as long as the connection lives: one {@code /metrics} scrape of 1000 shards
 * (2.6-5 MB written at once) left that much heap behind on every keep-alive connection (heap dump,
 * docs/BENCHMARKS.md).
 */
final class SlicedOutputStream extends FilterOutputStream {
  static final int SLICE = 64 * 1024;

  SlicedOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      int slice = Math.min(length, SLICE);
      out.write(bytes, offset, slice);
      offset += slice;
      length -= slice;
    }
  }
}
