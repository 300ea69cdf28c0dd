package io.redisinfo.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table of results, printed to paste into docs/BENCHMARKS.md. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  void row(String what, String value, String target) {
    rows.add(new String[] {what, value, target});
  }

  void print() {
    System.out.println();
    System.out.println("| measure | value | target |");
    System.out.println("| --- | --- | --- |");
    for (String[] row : rows) {
      System.out.println("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
    }
    System.out.println();
  }
}
