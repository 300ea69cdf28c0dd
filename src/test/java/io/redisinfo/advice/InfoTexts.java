package io.redisinfo.advice;

import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import java.util.ArrayList;
import java.util.List;

/**
 * INFO texts for rule tests: a captured fixture with some lines edited. An edit {@code key:value}
 * replaces the line of that key, or when there is none is added at the end of the section named
 * before a {@code >} ({@code commandstats>cmdstat_keys:calls=1}) or else at the end of the text
 * (the keyspace section in the fixtures); {@code -key} removes the line.
 */
public final class InfoTexts {
  /** redis-server 7.0, maxmemory 64mb, allkeys-lru, one key without TTL, nothing else going on. */
  public static final String BASE = InfoFixtures.REDIS7_MAXMEMORY;

  private InfoTexts() {}

  public static Info info(String... edits) {
    return fixture(BASE, edits);
  }

  public static Info fixture(String name, String... edits) {
    List<String> lines =
        new ArrayList<>(List.of(InfoFixtures.read(name).replace("\r", "").split("\n")));
    for (String edit : edits) {
      apply(lines, edit);
    }
    return new InfoParser().parse(String.join("\r\n", lines) + "\r\n");
  }

  private static void apply(List<String> lines, String edit) {
    if (edit.startsWith("-")) {
      String removed = edit.substring(1) + ":";
      lines.removeIf(l -> l.startsWith(removed));
      return;
    }
    String section = null;
    int arrow = edit.indexOf('>');
    if (arrow > 0) {
      section = edit.substring(0, arrow);
      edit = edit.substring(arrow + 1);
    }
    String key = edit.substring(0, edit.indexOf(':'));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        lines.set(i, edit);
        return;
      }
    }
    if (section == null) {
      lines.add(edit);
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equalsIgnoreCase("# " + section)) {
        lines.add(i + 1, edit);
        return;
      }
    }
    throw new IllegalArgumentException("no section " + section);
  }
}
