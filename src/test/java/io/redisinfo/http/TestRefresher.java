package io.redisinfo.http;

import io.redisinfo.poll.InfoRefresher;
import io.redisinfo.shard.ShardSnapshot;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Counts calls per shard and answers each with what the test says. */
final class TestRefresher implements InfoRefresher {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Function<String, CompletableFuture<ShardSnapshot>> answer;

  TestRefresher(Function<String, CompletableFuture<ShardSnapshot>> answer) {
    this.answer = answer;
  }

  @Override
  public CompletableFuture<ShardSnapshot> refresh(String shardId) {
    calls.computeIfAbsent(shardId, id -> new AtomicInteger()).incrementAndGet();
    return answer.apply(shardId);
  }

  int calls(String shardId) {
    AtomicInteger count = calls.get(shardId);
    return count == null ? 0 : count.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
