package io.redisinfo.poll;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.concurrent.CompletableFuture;

/**
 * {@code INFO everything}, with the reply decoded by the connection's codec. Lettuce's own {@code
 * info(section)} reads the reply into a status output, which decodes through a {@code
 * CharsetDecoder} loop whatever the codec: 19 % of the event loops' CPU at 2000 polls/s
 * (docs/BENCHMARKS.md). A value output decodes with {@link FastDecodingStringCodec}.
 */
final class InfoCommand {
  private InfoCommand() {}

  static CompletableFuture<String> everything(StatefulRedisConnection<String, String> connection) {
    CommandArgs<String, String> args =
        new CommandArgs<>(FastDecodingStringCodec.INSTANCE).add("everything");
    return connection
        .async()
        .dispatch(CommandType.INFO, new ValueOutput<>(FastDecodingStringCodec.INSTANCE), args)
        .toCompletableFuture();
  }
}
