package io.redisinfo.advice;

import io.redisinfo.component.Purpose;
import io.redisinfo.info.Info;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every rule that applies to a purpose (and is not disabled) and turns findings into
 * advisories with the table's severity. Stateless: hysteresis is {@link AdvisoryTracker}'s.
 */
public final class AdvisoryEvaluator {
  /** Worst first, then by rule and shard, so lists are stable. */
  public static final Comparator<Advisory> ORDER =
      Comparator.comparing(Advisory::severity)
          .thenComparing(Advisory::rule)
          .thenComparing(a -> a.shard() == null ? "" : a.shard());

  private final List<Rule> rules;

  /**
   * For each purpose, the rules that apply to it with their severity (the table, looked up once).
   */
  private final Map<Purpose, List<Applicable>> byPurpose = new EnumMap<>(Purpose.class);

  private record Applicable(Rule rule, Severity severity) {}

  private final Set<String> previousKeys;
  private final Set<String> eventRules;

  public AdvisoryEvaluator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> keys = new HashSet<>();
    rules.forEach(r -> keys.addAll(r.previousKeys()));
    this.previousKeys = Set.copyOf(keys);
    this.eventRules =
        rules.stream().filter(Rule::reportsEvents).map(Rule::name).collect(Collectors.toSet());
    for (Purpose purpose : Purpose.values()) {
      List<Applicable> applicable = new ArrayList<>();
      for (Rule rule : this.rules) {
        SeverityTable.severity(rule.name(), purpose)
            .ifPresent(severity -> applicable.add(new Applicable(rule, severity)));
      }
      byPurpose.put(purpose, List.copyOf(applicable));
    }
  }

  /** Names of the rules that report events ({@link Rule#reportsEvents}). */
  public Set<String> eventRules() {
    return eventRules;
  }

  /** Every INFO key some rule reads from the previous poll. */
  public Set<String> previousKeys() {
    return previousKeys;
  }

  public AdvisoryEvaluator() {
    this(Rules.all());
  }

  /**
   * The rules that apply to the purpose and are enabled, but that some shard's INFO lacks fields
   * for ({@link Rule#requiredKeys}): their silence means "unknown", not "fine". Sorted by name.
   */
  public List<String> unknownRules(
      Purpose purpose, List<ShardInfo> shards, AdvisorySettings settings) {
    List<Set<String>> lacking = new ArrayList<>(shards.size());
    for (ShardInfo shard : shards) {
      lacking.add(rulesLacking(shard.current()));
    }
    return unknownRulesOf(purpose, lacking, settings);
  }

  /**
   * {@link #unknownRules} from each shard's {@link #rulesLacking}, which a caller can keep for as
   * long as the shard's INFO has the same keys.
   */
  public List<String> unknownRulesOf(
      Purpose purpose, List<Set<String>> lackingPerShard, AdvisorySettings settings) {
    List<String> unknown = new ArrayList<>(0);
    for (Applicable applicable : byPurpose.get(purpose)) {
      String rule = applicable.rule().name();
      if (settings.disabled().contains(rule)) {
        continue;
      }
      for (Set<String> lacking : lackingPerShard) {
        if (lacking.contains(rule)) {
          unknown.add(rule);
          break;
        }
      }
    }
    unknown.sort(null);
    return unknown;
  }

  /** Every rule, whatever the purpose, whose required keys {@code info} does not all have. */
  public Set<String> rulesLacking(Info info) {
    Set<String> lacking = new HashSet<>(0);
    for (Rule rule : rules) {
      if (!hasAll(info, rule.requiredKeys())) {
        lacking.add(rule.name());
      }
    }
    return lacking.isEmpty() ? Set.of() : Set.copyOf(lacking);
  }

  private static boolean hasAll(Info info, Set<String> keys) {
    for (String key : keys) {
      boolean present =
          key.startsWith("#")
              ? info.sections().containsKey(key.substring(1))
              : info.get(key) != null;
      if (!present) {
        return false;
      }
    }
    return true;
  }

  /**
   * The advisories for one component now, each stamped {@code since = now}, sorted by {@link
   * #ORDER}.
   */
  public List<Advisory> evaluate(
      Purpose purpose,
      List<ShardInfo> shards,
      int shardCount,
      AdvisorySettings settings,
      Instant now) {
    RuleInput input = new RuleInput(purpose, shards, shardCount, settings.thresholds());
    List<Advisory> advisories = new ArrayList<>(4);
    List<Applicable> applicable = byPurpose.get(purpose);
    boolean someDisabled = !settings.disabled().isEmpty();
    // Index loops: this runs after every poll, and C1 allocates each iterator.
    for (int r = 0; r < applicable.size(); r++) {
      Applicable a = applicable.get(r);
      Rule rule = a.rule();
      if (someDisabled && settings.disabled().contains(rule.name())) {
        continue;
      }
      List<Finding> findings = rule.check(input);
      for (int f = 0; f < findings.size(); f++) {
        Finding finding = findings.get(f);
        advisories.add(
            new Advisory(
                rule.name(), a.severity(), finding.message(), rule.why(), finding.shard(), now));
      }
    }
    if (advisories.size() > 1) {
      advisories.sort(ORDER);
    }
    return advisories;
  }
}
