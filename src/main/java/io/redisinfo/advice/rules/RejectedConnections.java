package io.redisinfo.advice.rules;

/** {@code rejected_connections} grew since the last poll. */
public final class RejectedConnections extends CounterGrowth {
  public static final String NAME = "rejected-connections";

  public RejectedConnections() {
    super(
        NAME,
        "rejected_connections",
        "a rejected client gets an error instead of a connection: the application fails");
  }

  @Override
  String message(long rejected) {
    return rejected
        + " connections rejected since the last poll (maxclients reached): raise maxclients or"
        + " fix connection leaks and pool sizes in the application";
  }
}
