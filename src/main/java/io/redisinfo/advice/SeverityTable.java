package io.redisinfo.advice;

import io.redisinfo.component.Purpose;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How severe each rule is for each purpose: C critical, W warning, I info, {@code -} does not apply
 * (the rule is not evaluated). Columns in {@link Purpose} order; docs/ADVISORIES.md shows the same
 * table.
 */
public final class SeverityTable {
  /** Column order of every row, for reading the table. */
  static final String COLUMNS = "cache session counter ratelimit lock queue stats log other";

  static final String[][] ROWS = {
    {"no-maxmemory", "C W W W W W C C W"},
    {"memory-near-limit", "I C C W C C W W W"},
    {"eviction-policy", "W C C I C C - - -"},
    {"evictions", "I C C W C C W W W"},
    {"low-hit-ratio", "W - - - - - - - -"},
    {"keys-command", "W W W W W W W W W"},
    {"rejected-connections", "W W W W W W W W W"},
    {"clients-near-max", "W W W W W W W W W"},
    {"replication-link-down", "C C C C C C C C C"},
    {"replicas-missing", "W W W W W W W W W"},
    {"replica-lag", "W W W W W W W W W"},
    {"full-resyncs", "W W W W W W W W W"},
    {"master-count", "C C C C C C C C C"},
    {"persistence-failing", "C C C C C C C C C"},
    {"no-persistence", "- W C - - C - - -"},
    {"last-save-old", "- W C - - C - - -"},
    {"persistence-on-cache", "W - - - - - - - -"},
    {"slow-fork", "W W W W W W W W W"},
    {"fragmentation", "W W W W W W W W W"},
    {"big-client-buffers", "W W W W W W W W W"},
    {"blocked-clients", "W W W W W - W I I"},
    {"keys-without-expiry", "- - - W W - - - -"},
    {"redis-eol", "W W W W W W W W W"},
    {"several-databases", "I I I I I I I I I"},
  };

  private static final Map<String, Map<Purpose, Severity>> TABLE = parse();

  private SeverityTable() {}

  /** The rule's severity for the purpose; empty where the rule does not apply. */
  public static Optional<Severity> severity(String rule, Purpose purpose) {
    Map<Purpose, Severity> row = TABLE.get(rule);
    if (row == null) {
      throw new IllegalArgumentException("no severities for rule '" + rule + "'");
    }
    return Optional.ofNullable(row.get(purpose));
  }

  /** Whether the table has a row for the rule. */
  public static boolean has(String rule) {
    return TABLE.containsKey(rule);
  }

  private static Map<String, Map<Purpose, Severity>> parse() {
    Map<String, Map<Purpose, Severity>> table = new HashMap<>();
    Purpose[] purposes = Purpose.values();
    for (String[] row : ROWS) {
      String[] cells = row[1].split(" ");
      if (cells.length != purposes.length) {
        throw new IllegalStateException("row " + row[0] + " has " + cells.length + " cells");
      }
      Map<Purpose, Severity> severities = new EnumMap<>(Purpose.class);
      for (int i = 0; i < cells.length; i++) {
        switch (cells[i]) {
          case "C" -> severities.put(purposes[i], Severity.CRITICAL);
          case "W" -> severities.put(purposes[i], Severity.WARNING);
          case "I" -> severities.put(purposes[i], Severity.INFO);
          case "-" -> {}
          default -> throw new IllegalStateException("row " + row[0] + ": cell " + cells[i]);
        }
      }
      table.put(row[0], severities);
    }
    return table;
  }
}
