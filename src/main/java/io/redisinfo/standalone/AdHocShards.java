package io.redisinfo.standalone;

import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code --redis [NAME=]HOST:PORT}: shards given by address on the command line. */
final class AdHocShards {
  private AdHocShards() {}

  /**
   * @throws IllegalArgumentException naming the bad value and what is expected
   */
  static List<ShardSpec> parse(List<String> values) {
    List<ShardSpec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String value : values) {
      String name = null;
      String address = value;
      int eq = value.indexOf('=');
      if (eq >= 0) {
        name = value.substring(0, eq).trim();
        address = value.substring(eq + 1);
        if (name.isEmpty()) {
          throw new IllegalArgumentException(
              "--redis '" + value + "': the name before '=' is empty; expected [NAME=]HOST:PORT");
        }
      }
      ShardAddress parsed;
      try {
        parsed = ShardAddress.parse(address);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--redis '" + value + "': " + e.getMessage() + "; expected [NAME=]HOST:PORT");
      }
      String id = name != null ? name : parsed.toString();
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            "--redis '" + value + "': shard '" + id + "' is given twice");
      }
      specs.add(ShardSpec.of(id, parsed));
    }
    return specs;
  }
}
