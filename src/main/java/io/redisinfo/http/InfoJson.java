package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.info.Info;
import java.io.IOException;
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

  private static boolean matchesAny(List<Glob> globs, String text) {
    for (int i = 0; i < globs.size(); i++) {
      if (globs.get(i).matches(text)) {
        return true;
      }
    }
    return false;
  }
}
