package io.redisinfo.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.redisinfo.advice.Advisory;
import io.redisinfo.advice.AdvisoryTracker;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code redisinfo_advisory{namespace,component,rule,severity}}: 1 for each active advisory, read
 * from the tracker at scrape time, so a cleared advisory's series is gone with it (no meter to
 * forget). A rule firing on several shards of a component is one series.
 */
public final class AdvisoryCollector implements MultiCollector {
  public static final String NAME = "redisinfo_advisory";

  private final AdvisoryTracker tracker;

  public AdvisoryCollector(AdvisoryTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public MetricSnapshots collect() {
    GaugeSnapshot.Builder family =
        GaugeSnapshot.builder()
            .name(NAME)
            .help("1 while the advisory (rule, severity) is active on the component");
    boolean any = false;
    for (Map.Entry<String, List<Advisory>> e : tracker.all().entrySet()) {
      int slash = e.getKey().indexOf('/');
      Set<String> seen = new HashSet<>();
      for (Advisory a : e.getValue()) {
        if (!seen.add(a.rule() + " " + a.severity())) {
          continue;
        }
        any = true;
        family.dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(
                    Labels.of(
                        "namespace",
                        e.getKey().substring(0, slash),
                        "component",
                        e.getKey().substring(slash + 1),
                        "rule",
                        a.rule(),
                        "severity",
                        a.severity().wireName()))
                .value(1)
                .build());
      }
    }
    return any ? MetricSnapshots.of(family.build()) : MetricSnapshots.of();
  }
}
