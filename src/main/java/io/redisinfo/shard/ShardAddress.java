package io.redisinfo.shard;

import java.util.Objects;

/** Where a shard listens: a host name or IP literal and a TCP port. */
public record ShardAddress(String host, int port) {
  public static final int DEFAULT_PORT = 6379;

  public ShardAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1-65535");
    }
  }

  /**
   * Parses {@code host:port}, {@code host} (port 6379) or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static ShardAddress parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("address is empty; expected HOST:PORT");
    }
    String host;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("address '" + text + "' has '[' without ']'");
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("address '" + text + "': expected ':' after ']'");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = value.lastIndexOf(':');
      if (colon >= 0 && value.indexOf(':') != colon) {
        host = value; // bare IPv6 literal
      } else if (colon >= 0) {
        host = value.substring(0, colon);
        port = value.substring(colon + 1);
      } else {
        host = value;
      }
    }
    int portNumber = DEFAULT_PORT;
    if (port != null) {
      try {
        portNumber = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "address '" + text + "': port '" + port + "' is not a number");
      }
    }
    return new ShardAddress(host, portNumber);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
