package io.redisinfo.bench;

import io.redisinfo.info.Info;
import io.redisinfo.info.InfoFixtures;
import io.redisinfo.info.InfoParser;
import io.redisinfo.info.InfoSummarizer;
import io.redisinfo.info.InfoSummary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing, and parsing plus summarizing, of a real Redis 7 {@code INFO everything} reply. Run with
 * {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InfoParserBenchmark {
  /** Captured INFO everything replies (src/test/resources/info). */
  @Param({"redis7-keyspace-stats.txt", "redis7-master.txt"})
  public String fixture;

  private final InfoParser parser = new InfoParser();
  private final InfoSummarizer summarizer = new InfoSummarizer();

  /** The reply as the poller hands it over: the bytes Redis sent. */
  private byte[] text;

  private Info previous;

  @Setup
  public void load() {
    text = InfoFixtures.read(fixture).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    previous = parser.parse(text);
  }

  @Benchmark
  public Info parse() {
    return parser.parse(text);
  }

  @Benchmark
  public InfoSummary parseAndSummarize() {
    return summarizer.summarize(parser.parse(text), previous, 1_000_000_000L);
  }
}
