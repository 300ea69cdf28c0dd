package io.redisinfo.advice.rules;

/** {@code sync_full} grew on a master since the last poll. */
public final class FullResyncs extends CounterGrowth {
  public static final String NAME = "full-resyncs";

  public FullResyncs() {
    super(
        NAME,
        "sync_full",
        "a full resync forks the master, copies the whole data set and stalls the replica");
  }

  @Override
  String message(long full) {
    return full
        + " full resyncs since the last poll: raise repl-backlog-size so reconnecting replicas can"
        + " catch up partially, and look for flapping replica links";
  }
}
