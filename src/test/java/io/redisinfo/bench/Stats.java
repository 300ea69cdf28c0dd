package io.redisinfo.bench;

import java.util.Arrays;

/** Percentiles of collected samples. */
final class Stats {
  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /** The p-quantile (0..1) by nearest rank, or -1 with no samples. */
  long percentile(double p) {
    if (size == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }
}
