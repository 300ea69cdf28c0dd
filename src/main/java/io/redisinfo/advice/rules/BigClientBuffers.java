package io.redisinfo.advice.rules;

import io.redisinfo.advice.RuleInput;
import io.redisinfo.advice.ShardInfo;
import io.redisinfo.advice.ShardRule;

/**
 * A client's input or output buffer above the threshold: {@code client_recent_max_input_buffer} /
 * {@code client_recent_max_output_buffer} (Redis 5+), else {@code client_biggest_input_buf}.
 */
public final class BigClientBuffers implements ShardRule {
  public static final String NAME = "big-client-buffers";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String why() {
    return "big client buffers use memory outside the data set and often mean a slow consumer"
        + " or huge replies";
  }

  @Override
  public String checkShard(ShardInfo shard, RuleInput input) {
    long limit = input.thresholds().clientBufferBytes();
    Long output = shard.now("client_recent_max_output_buffer");
    Long in = shard.now("client_recent_max_input_buffer");
    if (in == null) {
      in = shard.now("client_biggest_input_buf");
    }
    if (output != null && output > limit) {
      return "a client's output buffer reached "
          + InfoFields.bytes(output)
          + ": find slow readers or huge replies (CLIENT LIST omem), set"
          + " client-output-buffer-limit";
    }
    if (in != null && in > limit) {
      return "a client's input buffer reached "
          + InfoFields.bytes(in)
          + ": look for huge pipelines or values (CLIENT LIST qbuf)";
    }
    return null;
  }
}
