package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.redisinfo.advice.Advisory;
import java.io.IOException;
import java.util.List;

/** How an advisory looks in JSON, the same in {@code /v1/advisories} and {@code /v1/components}. */
final class AdvisoryJson {
  private AdvisoryJson() {}

  static void writeArray(JsonGenerator json, String field, List<Advisory> advisories)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Advisory a : advisories) {
      json.writeStartObject();
      writeFields(json, a);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static void writeFields(JsonGenerator json, Advisory a) throws IOException {
    json.writeStringField("rule", a.rule());
    json.writeStringField("severity", a.severity().wireName());
    json.writeStringField("message", a.message());
    json.writeStringField("why", a.why());
    json.writeStringField("shard", a.shard());
    json.writeStringField("since", a.since().toString());
  }
}
