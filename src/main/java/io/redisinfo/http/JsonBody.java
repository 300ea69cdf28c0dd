package io.redisinfo.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one JSON response body with a streaming generator (one top-level value). */
@FunctionalInterface
public interface JsonBody {
  void write(JsonGenerator json) throws IOException;
}
