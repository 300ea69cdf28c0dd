package io.redisinfo.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/** A real redis-server with a TLS port whose certificate {@code ca} signed. */
public final class TlsRedis {
  private TlsRedis() {}

  /**
   * Starts one and returns its TLS port (its plain port stays open for the harness's commands).
   *
   * @param dir where the server's certificate, key and CA are written
   * @param clientCertificates whether the server requires client certificates (mutual TLS)
   */
  public static int start(
      RedisServers redis, TestCertificates ca, Path dir, boolean clientCertificates) {
    Path[] server = ca.server().writeTo(dir, "server");
    Path caFile = ca.writeCa(dir.resolve("ca.crt"));
    int tlsPort = freePort();
    RedisServer started =
        redis.start(
            "tls-port",
            Integer.toString(tlsPort),
            "tls-cert-file",
            server[0].toString(),
            "tls-key-file",
            server[1].toString(),
            "tls-ca-cert-file",
            caFile.toString(),
            "tls-auth-clients",
            clientCertificates ? "yes" : "no");
    if (!started.isRunning()) {
      throw new IllegalStateException("redis-server with TLS did not start");
    }
    return tlsPort;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
