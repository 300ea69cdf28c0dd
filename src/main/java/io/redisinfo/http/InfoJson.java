package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.info.Info;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes an {@link Info} as {@code {section: {key: value}}}, optionally cut down. */
final class InfoJson {
  private InfoJson() {}

  /**
   * @param sections lower-case section names to keep; empty keeps all
   * @param keys globs of top-level keys to keep; empty keeps all. A section left without keys is
   *     dropped; a section empty in INFO itself (e.g. keyspace of an empty server) is kept as {}.
   */
  static void write(JsonGenerator json, Info info, Set<String> sections, List<Glob> keys)
      throws IOException {
    if (!keys.isEmpty() && allLiteral(keys)) {
      writeLiteralKeys(json, info, sections, keys);
      return;
    }
    json.writeStartObject();
    for (Map.Entry<String, Map<String, Object>> section : info.sections().entrySet()) {
      if (!sections.isEmpty() && !sections.contains(section.getKey())) {
        continue;
      }
      if (keys.isEmpty()) {
        json.writeFieldName(section.getKey());
        json.writeStartObject();
        for (Map.Entry<String, Object> entry : section.getValue().entrySet()) {
          json.writeFieldName(entry.getKey());
          Json.writeValue(json, entry.getValue());
        }
        json.writeEndObject();
        continue;
      }
      boolean started = false;
      for (Map.Entry<String, Object> entry : section.getValue().entrySet()) {
        if (!matchesAny(keys, entry.getKey())) {
          continue;
        }
        if (!started) {
          json.writeFieldName(section.getKey());
          json.writeStartObject();
          started = true;
        }
        json.writeFieldName(entry.getKey());
        Json.writeValue(json, entry.getValue());
      }
      if (started) {
        json.writeEndObject();
      }
    }
    json.writeEndObject();
  }

  private static final Comparator<Info.KeyOccurrence> IN_INFO_ORDER =
      Comparator.comparingInt(Info.KeyOccurrence::sectionIndex)
          .thenComparingInt(Info.KeyOccurrence::position);

  /**
   * Exact key names: one lookup per key instead of a glob match per key of the INFO (the query for
   * one key of every shard). Same output as the scan: sections and keys in INFO order.
   */
  private static void writeLiteralKeys(
      JsonGenerator json, Info info, Set<String> sections, List<Glob> keys) throws IOException {
    List<Info.KeyOccurrence> found = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      for (Info.KeyOccurrence occurrence : info.occurrencesOf(keys.get(i).literal())) {
        if ((sections.isEmpty() || sections.contains(occurrence.section()))
            && !found.contains(occurrence)) {
          found.add(occurrence);
        }
      }
    }
    if (found.size() > 1) {
      found.sort(IN_INFO_ORDER);
    }
    json.writeStartObject();
    int openSection = -1;
    for (Info.KeyOccurrence occurrence : found) {
      if (occurrence.sectionIndex() != openSection) {
        if (openSection >= 0) {
          json.writeEndObject();
        }
        json.writeFieldName(occurrence.section());
        json.writeStartObject();
        openSection = occurrence.sectionIndex();
      }
      json.writeFieldName(occurrence.key());
      Json.writeValue(json, occurrence.value());
    }
    if (openSection >= 0) {
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static boolean allLiteral(List<Glob> globs) {
    for (int i = 0; i < globs.size(); i++) {
      if (!globs.get(i).isLiteral()) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesAny(List<Glob> globs, String text) {
    for (int i = 0; i < globs.size(); i++) {
      if (globs.get(i).matches(text)) {
        return true;
      }
    }
    return false;
  }
}
