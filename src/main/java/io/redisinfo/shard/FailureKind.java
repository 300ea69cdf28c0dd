package io.redisinfo.shard;

/**
 * Why a poll failed, decided once where the error happens (the poller); the {@code Ready}
 * condition's reason, the {@code outcome} label of {@code redisinfo_polls_total} and the wording of
 * {@code lastError} all follow from it, so none of them re-reads an error text.
 */
public enum FailureKind {
  /** No answer within the timeout on a connection that was (or was being) established. */
  TIMEOUT("Unreachable", "timeout"),
  /** Nothing listens at the address (TCP connection refused). */
  REFUSED("Unreachable", "refused"),
  /** The host name does not resolve. */
  UNKNOWN_HOST("Unreachable", "unknown_host"),
  /** Any other failure to connect (reset, no route). */
  CONNECT("Unreachable", "connect_failed"),
  /** The TLS handshake failed: untrusted certificate, wrong CA, a client certificate refused. */
  TLS("TlsFailed", "tls_failed"),
  /** The server refused the credentials (WRONGPASS, NOAUTH, invalid password). */
  AUTH("AuthFailed", "auth_failed"),
  /** The ACL user may not run INFO (NOPERM). */
  NOPERM("AuthFailed", "noperm"),
  /** INFO is renamed or disabled. */
  INFO_UNAVAILABLE("InfoUnavailable", "info_unavailable"),
  /** The server is loading its dataset and refuses commands until it is done. */
  LOADING("Loading", "loading"),
  /** The peer does not speak RESP: not a Redis server, or TLS expected on one side only. */
  PROTOCOL("ProtocolError", "protocol_error"),
  /** Any other error reply or failure. */
  ERROR("Unreachable", "error");

  private final String reason;
  private final String label;

  FailureKind(String reason, String label) {
    this.reason = reason;
    this.label = label;
  }

  /** The reason of the Ready condition when every shard fails this way. */
  public String reason() {
    return reason;
  }

  /** The {@code outcome} label: {@code timeout}, {@code refused}, {@code auth_failed}, ... */
  public String label() {
    return label;
  }
}
