package io.redisinfo.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisinfo.info.Info;
import io.redisinfo.info.InfoParser;
import io.redisinfo.shard.ShardAddress;
import io.redisinfo.shard.ShardSpec;
import io.redisinfo.testing.RedisServer;
import io.redisinfo.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InfoCommandTest {
  @RegisterExtension static final RedisServers redis = RedisServers.perClass();

  @Test
  void getsTheSameInfoEverythingAsLettucesInfoCommand() throws Exception {
    RedisServer server = redis.start();
    InfoParser parser = new InfoParser();
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(2))) {
      StatefulRedisConnection<String, String> connection =
          connector
              .connect(ShardSpec.of("s", new ShardAddress("127.0.0.1", server.port())))
              .get(5, TimeUnit.SECONDS);
      try {
        Info ours = parser.parse(InfoCommand.everything(connection).get(5, TimeUnit.SECONDS));
        Info lettuces = parser.parse(connection.sync().info("everything"));

        assertThat(ours.sections().keySet())
            .contains("server", "memory", "commandstats")
            .isEqualTo(lettuces.sections().keySet());
        assertThat(ours.getString("run_id")).isEqualTo(lettuces.getString("run_id")).isNotBlank();
        assertThat(ours.malformedLines()).isZero();
        // The reply of our INFO shows up in the second one's command statistics.
        assertThat(lettuces.keys()).containsKey("cmdstat_info");
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void theCompletedCommandKeepsNoReplyOnceTaken() throws Exception {
    // Lettuce's timeout task holds each command until its timeout would fire.
    RedisServer server = redis.start();
    try (RedisConnector connector = new RedisConnector(Duration.ofSeconds(2))) {
      StatefulRedisConnection<String, String> connection =
          connector
              .connect(ShardSpec.of("s", new ShardAddress("127.0.0.1", server.port())))
              .get(5, TimeUnit.SECONDS);
      try {
        var command = InfoCommand.dispatch(connection);
        String text = new String(command.get(5, TimeUnit.SECONDS).take(), StandardCharsets.UTF_8);

        assertThat(text).contains("run_id:");
        assertThat(command.get().take()).as("what the completed command still holds").isNull();
        assertThat(
                new String(
                    InfoCommand.everything(connection).get(5, TimeUnit.SECONDS),
                    StandardCharsets.UTF_8))
            .contains("run_id:");
      } finally {
        connection.close();
      }
    }
  }
}
