package io.redisinfo.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One application component and the Redis server(s) that serve it. The user writes {@code spec};
 * only the operator writes {@code status} (through the status subresource).
 *
 * <p>The printer columns are declared here, in the order {@code kubectl get} shows them, rather
 * than with {@code @PrinterColumn} on status fields: the generator sorts field columns by path,
 * which would scramble the order, and READY and AGE are not plain fields anyway. The contract's
 * columns and REASON (what makes READY=False actionable) are shown by default (priority 0); the
 * rest only with {@code -o wide} (priority 1).
 */
@Group(RedisComponent.GROUP)
@Version(RedisComponent.VERSION)
@Kind("RedisComponent")
@Singular("rediscomponent")
@Plural(RedisComponent.PLURAL)
@ShortNames("rcomp")
@AdditionalPrinterColumn(
    name = "Endpoint",
    jsonPath = ".status.endpoint",
    type = Type.STRING,
    getDescription = "host:port of the primary")
@AdditionalPrinterColumn(
    name = "Role",
    jsonPath = ".status.role",
    type = Type.STRING,
    getDescription = "Replication role of the primary as reported by INFO")
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".status.redisVersion",
    type = Type.STRING,
    getDescription = "Redis server version")
@AdditionalPrinterColumn(
    name = "Memory",
    jsonPath = ".status.usedMemoryHuman",
    type = Type.STRING,
    getDescription = "Memory used by the primary (used_memory_human)")
@AdditionalPrinterColumn(
    name = "Ops/s",
    jsonPath = ".status.opsPerSec",
    type = Type.NUMBER,
    getDescription =
        "Commands per second, from the change of total_commands_processed between polls")
@AdditionalPrinterColumn(
    name = "Clients",
    jsonPath = ".status.connectedClients",
    type = Type.INTEGER,
    getDescription = "Connected clients")
@AdditionalPrinterColumn(
    name = "Hit%",
    jsonPath = ".status.hitRatioPercent",
    type = Type.STRING,
    getDescription = "Keyspace hits / (hits + misses)")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING,
    getDescription = "Whether the component is polled successfully")
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = Type.STRING,
    getDescription =
        "Why the component is (not) ready: Ready, Polling, Unreachable, AuthFailed, ... (the Ready"
            + " condition's reason)")
@AdditionalPrinterColumn(
    name = "Advice",
    jsonPath = ".status.advice",
    type = Type.STRING,
    getDescription =
        "Purpose-aware advisories: none, or the worst rule and how many more, e.g. no-maxmemory+1")
@AdditionalPrinterColumn(
    name = "Shards",
    jsonPath = ".status.readyShards",
    type = Type.STRING,
    priority = 1,
    getDescription = "Reachable shards / all shards")
@AdditionalPrinterColumn(
    name = "Purpose",
    jsonPath = ".spec.purpose",
    type = Type.STRING,
    priority = 1,
    getDescription = "What the application uses this Redis for")
@AdditionalPrinterColumn(
    name = "Keys",
    jsonPath = ".status.keys",
    type = Type.INTEGER,
    priority = 1,
    getDescription = "Keys in all databases of the primary")
@AdditionalPrinterColumn(
    name = "Interval",
    jsonPath = ".status.pollInterval",
    type = Type.STRING,
    priority = 1,
    getDescription = "Current interval between two INFO polls of the primary")
@AdditionalPrinterColumn(
    name = "Last Poll",
    jsonPath = ".status.lastPollTime",
    type = Type.DATE,
    priority = 1,
    getDescription = "Time since INFO was last read successfully")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = Type.DATE,
    getDescription = "Time since the resource was created")
public class RedisComponent extends CustomResource<RedisComponentSpec, RedisComponentStatus>
    implements Namespaced {
  public static final String GROUP = "redisinfo.io";
  public static final String VERSION = "v1alpha1";
  public static final String PLURAL = "rediscomponents";

  /** What {@code kubectl explain rediscomponents} says about the kind (set by the CRD fixer). */
  public static final String DESCRIPTION =
      "One application component (a cache, sessions, counters, ...) and the Redis server(s) that"
          + " serve it. The redis-info-operator polls INFO on every server the spec names, writes"
          + " the summary to status, and publishes how to connect (never the password) in the"
          + " namespace's redis-directory ConfigMap.";

  /** The description of {@code spec}, which the generator cannot take from an annotation. */
  public static final String SPEC_DESCRIPTION =
      "What the user declares: which Redis server(s) make up the component (exactly one of"
          + " endpoint and selector), how to connect to them and how often to poll them. The"
          + " operator never writes spec.";

  /** The description of {@code status}, which the generator cannot take from an annotation. */
  public static final String STATUS_DESCRIPTION =
      "Written only by the operator (status subresource): the summarized INFO of the primary"
          + " (the first reachable master), one entry per shard and the Ready condition. Never"
          + " holds a password.";

  /** The CRD's name, {@code rediscomponents.redisinfo.io}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;
}
