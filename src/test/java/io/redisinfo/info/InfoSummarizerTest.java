package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InfoSummarizerTest {
  private static final long TWO_SECONDS = TimeUnit.SECONDS.toNanos(2);

  private final InfoParser parser = new InfoParser();
  private final InfoSummarizer summarizer = new InfoSummarizer();

  private Info fixture(String name) {
    return parser.parse(InfoFixtures.read(name));
  }

  private InfoSummary summarize(String fixture) {
    return summarizer.summarize(fixture(fixture), null, 0);
  }

  @Test
  void redis7Master() {
    InfoSummary summary = summarize(InfoFixtures.REDIS7_MASTER);

    assertThat(summary.role()).isEqualTo("master");
    assertThat(summary.version()).isEqualTo("7.0.15");
    assertThat(summary.uptimeSeconds()).isNotNull().isNotNegative();
    assertThat(summary.usedMemory()).isPositive();
    assertThat(summary.maxMemory()).isZero();
    assertThat(summary.opsPerSec()).as("first poll").isNull();
    assertThat(summary.connectedClients()).isEqualTo(1L);
    assertThat(summary.blockedClients()).isZero();
    assertThat(summary.keys()).isEqualTo(2L);
    assertThat(summary.hitRatio()).as("no hits, no misses").isNull();
    assertThat(summary.evictedKeys()).isZero();
    assertThat(summary.expiredKeys()).isZero();
    assertThat(summary.rejectedConnections()).isZero();
    assertThat(summary.connectedSlaves()).isEqualTo(1L);
    assertThat(summary.masterLinkStatus()).isNull();
    assertThat(summary.replicationLagSeconds()).isZero();
    assertThat(summary.rdbLastBgsaveStatus()).isEqualTo("ok");
    assertThat(summary.aofLastWriteStatus()).isEqualTo("ok");
    assertThat(summary.loading()).isFalse();
  }

  @Test
  void redis7Replica() {
    InfoSummary summary = summarize(InfoFixtures.REDIS7_REPLICA);

    assertThat(summary.role()).isEqualTo("slave");
    assertThat(summary.masterLinkStatus()).isEqualTo("up");
    assertThat(summary.replicationLagSeconds()).isNotNull().isBetween(0L, 60L);
    assertThat(summary.connectedSlaves()).isZero();
    assertThat(summary.keys()).isEqualTo(2L);
  }

  @Test
  void redis7KeysOverSeveralDatabasesAndHitRatio() {
    InfoSummary summary = summarize(InfoFixtures.REDIS7_KEYSPACE_STATS);

    assertThat(summary.keys()).isEqualTo(25L + 3L + 2L);
    assertThat(summary.hitRatio()).isCloseTo(10.0 / 14.0, within(1e-12));
    assertThat(summary.replicationLagSeconds()).as("master without replicas").isNull();
  }

  @Test
  void redis7Maxmemory() {
    assertThat(summarize(InfoFixtures.REDIS7_MAXMEMORY).maxMemory()).isEqualTo(67108864L);
  }

  @Test
  void opsPerSecondFromTwoPolls() {
    Info before = parser.parse("run_id:abc\ntotal_commands_processed:1000\n");
    Info after = parser.parse("run_id:abc\ntotal_commands_processed:1500\n");

    assertThat(summarizer.summarize(after, before, TWO_SECONDS).opsPerSec()).isEqualTo(250.0);
    assertThat(summarizer.summarize(after, before, 500_000_000L).opsPerSec()).isEqualTo(1000.0);
    assertThat(summarizer.summarize(before, before, TWO_SECONDS).opsPerSec()).isEqualTo(0.0);
  }

  @Test
  void opsPerSecondFromTwoRealPolls() {
    Info master = fixture(InfoFixtures.REDIS7_MASTER);
    String later =
        InfoFixtures.read(InfoFixtures.REDIS7_MASTER)
            .replace("total_commands_processed:10\r\n", "total_commands_processed:40\r\n");

    InfoSummary summary = summarizer.summarize(parser.parse(later), master, TWO_SECONDS);

    assertThat(summary.opsPerSec()).isEqualTo(15.0);
  }

  @Test
  void aRateBaselineKeepsOnlyWhatOpsPerSecondNeedsAndGivesTheSameRates() {
    Info master = fixture(InfoFixtures.REDIS7_MASTER);
    Info baseline = InfoSummarizer.rateBaseline(master);
    Info later =
        parser.parse(
            "run_id:" + master.getString("run_id") + "\ntotal_commands_processed:999999\n");
    Info restarted = parser.parse("run_id:other\ntotal_commands_processed:999999\n");

    assertThat(baseline.keys()).containsOnlyKeys("total_commands_processed", "run_id");
    assertThat(summarizer.summarize(later, baseline, TWO_SECONDS).opsPerSec())
        .isNotNull()
        .isEqualTo(summarizer.summarize(later, master, TWO_SECONDS).opsPerSec());
    assertThat(summarizer.summarize(restarted, baseline, TWO_SECONDS).opsPerSec()).isNull();
    assertThat(InfoSummarizer.rateBaseline(Info.empty()).keys()).isEmpty();
    assertThat(InfoSummarizer.rateBaseline(null)).isNull();
  }

  @Test
  void noOpsPerSecondWithoutAUsablePreviousPoll() {
    Info before = parser.parse("run_id:abc\ntotal_commands_processed:1000\n");
    Info after = parser.parse("run_id:abc\ntotal_commands_processed:1500\n");
    Info restarted = parser.parse("run_id:new\ntotal_commands_processed:2000\n");
    Info reset = parser.parse("run_id:abc\ntotal_commands_processed:10\n");
    Info noCounter = parser.parse("run_id:abc\n");

    assertThat(summarizer.summarize(after, null, TWO_SECONDS).opsPerSec()).isNull();
    assertThat(summarizer.summarize(after, before, 0).opsPerSec()).isNull();
    assertThat(summarizer.summarize(after, before, -5).opsPerSec()).isNull();
    assertThat(summarizer.summarize(restarted, before, TWO_SECONDS).opsPerSec())
        .as("run_id changed")
        .isNull();
    assertThat(summarizer.summarize(reset, before, TWO_SECONDS).opsPerSec())
        .as("counter went backwards")
        .isNull();
    assertThat(summarizer.summarize(noCounter, before, TWO_SECONDS).opsPerSec()).isNull();
    assertThat(summarizer.summarize(after, noCounter, TWO_SECONDS).opsPerSec()).isNull();
  }

  @Test
  void valkeyVersionWinsOverRedisVersion() {
    InfoSummary summary = summarize("valkey8-master.txt");

    assertThat(summary.version()).isEqualTo("8.0.1");
    assertThat(summary.keys()).isEqualTo(80L);
    assertThat(summary.hitRatio()).isEqualTo(0.75);
    assertThat(summary.maxMemory()).isEqualTo(268435456L);
    assertThat(summary.blockedClients()).isEqualTo(2L);
    assertThat(summary.rejectedConnections()).isEqualTo(1L);
    assertThat(summary.evictedKeys()).isEqualTo(12L);
    assertThat(summary.expiredKeys()).isEqualTo(250L);
  }

  @Test
  void masterLagIsTheLargestOfItsReplicas() {
    assertThat(summarize("redis28-master.txt").replicationLagSeconds()).isEqualTo(4L);
    assertThat(summarize("redis50-master.txt").replicationLagSeconds()).isEqualTo(17L);
  }

  @Test
  void replicaLagIsTheTimeSinceItsLastIoWithTheMaster() {
    InfoSummary chained = summarize("redis62-replica-ipv6.txt");
    assertThat(chained.replicationLagSeconds()).as("not its own replica's lag").isEqualTo(3L);
    assertThat(chained.masterLinkStatus()).isEqualTo("up");

    InfoSummary down = summarize("redis32-replica-link-down.txt");
    assertThat(down.masterLinkStatus()).isEqualTo("down");
    assertThat(down.replicationLagSeconds()).as("-1: no I/O with a master").isNull();
    assertThat(down.keys()).as("empty keyspace section").isZero();
    assertThat(down.hitRatio()).isNull();
    assertThat(down.maxMemory()).isZero();
  }

  @Test
  void olderVersions() {
    InfoSummary v28 = summarize("redis28-master.txt");
    assertThat(v28.version()).isEqualTo("2.8.19");
    assertThat(v28.maxMemory()).as("2.8 does not report maxmemory").isNull();
    assertThat(v28.keys()).isEqualTo(50L);
    assertThat(v28.hitRatio()).isEqualTo(0.9);
    assertThat(v28.connectedSlaves()).isEqualTo(2L);

    InfoSummary v40 = summarize("redis40-loading.txt");
    assertThat(v40.loading()).isTrue();
    assertThat(v40.rdbLastBgsaveStatus()).isEqualTo("err");
    assertThat(v40.aofLastWriteStatus()).isEqualTo("err");
    assertThat(v40.rejectedConnections()).isEqualTo(7L);
    assertThat(v40.maxMemory()).isEqualTo(104857600L);

    InfoSummary v50 = summarize("redis50-master.txt");
    assertThat(v50.hitRatio()).isEqualTo(0.75);
    assertThat(v50.usedMemory()).isEqualTo(2147483648L);
    assertThat(v50.blockedClients()).isEqualTo(3L);
  }

  @Test
  void missingKeysGiveNullsNeverExceptions() {
    InfoSummary fromEmpty = summarizer.summarize(Info.empty(), Info.empty(), TWO_SECONDS);
    InfoSummary fromNull = summarizer.summarize(null, null, 0);
    InfoSummary expected =
        new InfoSummary(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    assertThat(fromEmpty).isEqualTo(expected);
    assertThat(fromNull).isEqualTo(expected);
  }

  @Test
  void valuesOfTheWrongTypeGiveNulls() {
    Info odd =
        parser.parse(
            "role:master\nused_memory:lots\nloading:maybe\nkeyspace_hits:1.5\nkeyspace_misses:2\n"
                + "slave0:ip=x,lag=soon\ndb0:keys=many\ndb1:7\ndbx:keys=3\n"
                + "total_commands_processed:1e3\n");

    InfoSummary summary = summarizer.summarize(odd, odd, TWO_SECONDS);

    assertThat(summary.role()).isEqualTo("master");
    assertThat(summary.usedMemory()).isNull();
    assertThat(summary.loading()).isNull();
    assertThat(summary.hitRatio()).isNull();
    assertThat(summary.replicationLagSeconds()).isNull();
    assertThat(summary.keys()).isNull();
    assertThat(summary.opsPerSec()).isNull();
  }
}
