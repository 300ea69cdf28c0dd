package io.redisinfo.http;

import io.redisinfo.directory.Directory;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.directory.DirectoryJson;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /v1/directory} (every entry) and {@code GET /v1/directory/{namespace}/{component}}
 * (one entry, with {@code ETag: "<version>"}).
 *
 * <p>Conditional and long-polling reads: with {@code If-None-Match} naming the current version the
 * answer is {@code 304}; with {@code ?waitSeconds=N} (0-60) as well, the request is held until the
 * version changes (answered {@code 200} with the new entry, or {@code 404} when it was removed) or
 * the wait ends ({@code 304}). Without {@code If-None-Match}, {@code waitSeconds} waits only for an
 * entry that does not exist yet.
 *
 * <p>Threads: a held request holds no thread. The handler returns its worker at once ({@link
 * ApiExchange#answerWhen}); the {@link Directory} completes the wait from the thread that changed
 * the entry or from its timer, and the response is written on one of the server's workers (the JDK
 * server lets any thread answer an exchange), so many clients can wait at no cost but a socket
 * each.
 */
public final class DirectoryHandler implements ApiHandler {
  public static final String PATH = "/v1/directory";
  public static final String PREFIX = PATH + "/";
  public static final int MAX_WAIT_SECONDS = 60;

  private final Directory directory;
  private final DirectoryJson json;

  public DirectoryHandler(Directory directory, DirectoryJson json) {
    this.directory = Objects.requireNonNull(directory);
    this.json = Objects.requireNonNull(json);
  }

  /** Routes both paths on {@code server}. */
  public void registerOn(ApiServer server) {
    server.route(PATH, this);
    server.route(PREFIX, this);
  }

  @Override
  public void handle(ApiExchange exchange) throws IOException {
    if (exchange.path().equals(PATH)) {
      exchange.query(List.of());
      List<DirectoryEntry> entries = directory.all();
      exchange.setHeader("Cache-Control", "no-cache");
      exchange.sendJson(
          200,
          out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("entries");
            for (DirectoryEntry entry : entries) {
              out.writeRawValue(json.write(entry));
            }
            out.writeEndArray();
            out.writeEndObject();
          });
      return;
    }
    String key = PathKey.parse(exchange.path(), PREFIX, "namespace/component");
    long waitSeconds =
        exchange
            .query(List.of("waitSeconds"))
            .longInRange("waitSeconds", 0, MAX_WAIT_SECONDS)
            .orElse(0);
    Set<String> known = entityTags(exchange.requestHeader("If-None-Match"));
    Optional<DirectoryEntry> current = directory.get(key);
    boolean unchanged = current.isPresent() && matches(known, current.get());
    boolean awaitCreation = current.isEmpty() && waitSeconds > 0;
    if (waitSeconds == 0 || !(unchanged || awaitCreation)) {
      answer(exchange, key, known, current);
      return;
    }
    CompletableFuture<Optional<DirectoryEntry>> change =
        directory.awaitChange(
            key, unchanged ? current.get().version() : null, Duration.ofSeconds(waitSeconds));
    exchange.answerWhen(
        change,
        (ex, entry, failure) -> {
          if (failure != null) {
            throw ApiException.serviceUnavailable(
                "waiting for a change of '" + key + "' failed: " + failure.getMessage());
          }
          answer(ex, key, known, entry);
        });
  }

  private void answer(
      ApiExchange exchange, String key, Set<String> known, Optional<DirectoryEntry> entry)
      throws IOException {
    if (entry.isEmpty()) {
      throw new NotFound("no directory entry for '" + key + "'");
    }
    exchange.setHeader("ETag", "\"" + entry.get().version() + "\"");
    exchange.setHeader("Cache-Control", "no-cache");
    if (matches(known, entry.get())) {
      exchange.sendStatus(304);
      return;
    }
    byte[] body = json.write(entry.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendBytes(200, "application/json", body);
  }

  private static boolean matches(Set<String> known, DirectoryEntry entry) {
    return known.contains("*") || known.contains(entry.version());
  }

  /**
   * The versions an {@code If-None-Match} header names: {@code "v"}, {@code W/"v"}, lists of those
   * and {@code *}. Weak tags compare like strong ones (a directory version is exact anyway).
   */
  static Set<String> entityTags(String header) {
    Set<String> tags = new HashSet<>();
    if (header == null) {
      return tags;
    }
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
