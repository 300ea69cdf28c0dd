package io.redisinfo.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisinfo.advice.AdvisorySettings;
import io.redisinfo.app.Engine;
import io.redisinfo.cli.CommonOptions;
import io.redisinfo.cli.StopSignal;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.poll.PollerOptions;
import io.redisinfo.shard.ShardSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code standalone}: no Kubernetes; shards from {@code --redis}, components from files. */
@Command(
    name = "standalone",
    mixinStandardHelpOptions = true,
    description =
        "Poll Redis servers given by address and by component files; serve INFO over HTTP.")
public final class StandaloneCommand implements java.util.concurrent.Callable<Integer> {
  private static final String AD_HOC_SOURCE = "command-line";

  @Mixin CommonOptions common;

  @Option(
      names = "--redis",
      paramLabel = "[NAME=]HOST:PORT",
      description = "An ad-hoc shard (repeatable); its id is NAME, or HOST:PORT.")
  List<String> redis = new ArrayList<>();

  @Option(
      names = "--components",
      paramLabel = "FILE",
      description =
          "A YAML stream of RedisComponent documents (repeatable); re-read when it changes.")
  List<Path> componentFiles = new ArrayList<>();

  @Option(
      names = "--secrets-dir",
      paramLabel = "DIR",
      defaultValue = "${env:REDISINFO_SECRETS_DIR}",
      description = "passwordSecretRef {name, key} resolves to the file DIR/name/key.")
  Path secretsDir;

  @Option(
      names = "--namespace",
      defaultValue = "${env:REDISINFO_NAMESPACE:-default}",
      description = "Namespace of components that name none (default ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--directory-dir",
      paramLabel = "DIR",
      defaultValue = "${env:REDISINFO_DIRECTORY_DIR}",
      description = "Also write each directory entry as the file DIR/namespace/component.json.")
  Path directoryDir;

  @Option(
      names = "--reload-interval",
      defaultValue = "${env:REDISINFO_RELOAD_INTERVAL:-2s}",
      converter = io.redisinfo.cli.DurationConverter.class,
      description =
          "How often component and password files are checked for changes (default ${DEFAULT-VALUE}).")
  java.time.Duration reloadInterval;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final StopSignal stopSignal = new StopSignal();
  private volatile Engine engine;

  @Override
  public Integer call() throws Exception {
    common.logFormat.apply();
    Logger log = LoggerFactory.getLogger(StandaloneCommand.class);
    PollerOptions options;
    List<ShardSpec> adHoc;
    try {
      options = common.pollerOptions();
      adHoc = AdHocShards.parse(redis);
      for (Path file : componentFiles) {
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException("--components " + file + ": no such readable file");
        }
      }
      if (secretsDir != null && !Files.isDirectory(secretsDir)) {
        throw new IllegalArgumentException("--secrets-dir " + secretsDir + ": not a directory");
      }
      if (reloadInterval.isNegative() || reloadInterval.isZero()) {
        throw new IllegalArgumentException(
            "--reload-interval must be greater than zero, got "
                + io.redisinfo.common.GoDuration.format(reloadInterval));
      }
      if (directoryDir != null) {
        if (Files.exists(directoryDir) && !Files.isDirectory(directoryDir)) {
          throw new IllegalArgumentException(
              "--directory-dir " + directoryDir + ": exists and is not a directory");
        }
        try {
          Files.createDirectories(directoryDir);
        } catch (java.io.IOException e) {
          throw io.redisinfo.cli.StartupFailure.environment(
              "--directory-dir " + directoryDir + ": cannot create it (" + e + ")", e);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    // Load the CRD's schema and parse the component files while the engine starts (class loading
    // on the other core): with a thousand documents this was a quarter of the time to the first
    // full sweep.
    CompletableFuture<ComponentFiles> firstRead =
        CompletableFuture.supplyAsync(
            () -> {
              ComponentFiles read =
                  new ComponentFiles(
                      componentFiles,
                      namespace,
                      new ComponentFile(
                          new ComponentParser(new ObjectMapper(), true, AdvisorySettings::problems),
                          io.redisinfo.resource.CrdSchema.redisComponent()));
              read.read();
              return read;
            },
            daemonThread());

    AtomicBoolean loaded = new AtomicBoolean();
    AtomicBoolean ready = new AtomicBoolean();
    // Ready once the command line and the files are loaded and every shard known then has been
    // polled once; it then stays ready.
    Engine started =
        Engine.start(
            new Engine.Settings(
                options,
                common.httpPort,
                directoryDir,
                () -> {
                  if (!ready.get() && loaded.get() && engine.firstSweepDone()) {
                    ready.set(true);
                  }
                  return ready.get();
                }));
    engine = started;
    ScheduledExecutorService reload =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "redisinfo-component-files");
              t.setDaemon(true);
              return t;
            });
    stopSignal.installShutdownHook();
    try {
      started.shards().sync(AD_HOC_SOURCE, adHoc);
      FileComponentSource source =
          new FileComponentSource(
              firstRead.join(),
              new SecretsDirectory(secretsDir),
              started.components(),
              started.shards());
      source.refresh();
      loaded.set(true);
      started.allShardsKnown();
      reload.scheduleWithFixedDelay(
          () -> {
            try {
              source.refresh();
            } catch (RuntimeException e) {
              log.warn("reloading component files failed: {}", e.toString());
            }
          },
          reloadInterval.toMillis(),
          reloadInterval.toMillis(),
          TimeUnit.MILLISECONDS);
      log.info(
          "standalone mode: {} shard(s), HTTP API on http://127.0.0.1:{}/v1/shards",
          started.shards().size(),
          started.http().port());
      stopSignal.await();
    } finally {
      reload.shutdownNow();
      started.close();
      log.info("stopped");
      stopSignal.closed();
    }
    return 0;
  }

  /** Runs each task on a new daemon thread (one task: the first read of the component files). */
  private static Executor daemonThread() {
    return task -> {
      Thread t = new Thread(task, "redisinfo-component-files-first-read");
      t.setDaemon(true);
      t.start();
    };
  }

  /** Stops a running command (SIGTERM does it through the shutdown hook). */
  public void stop() {
    stopSignal.stop();
  }

  /** The running engine, for tests. */
  Engine engine() {
    return engine;
  }
}
