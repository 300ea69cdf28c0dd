package io.redisinfo.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The TLS material a shard's connection uses, as PEM text read from Secrets (or files): the CA to
 * trust and an optional client certificate and key. A rotated Secret gives a new value, which makes
 * the poller reconnect with it. The key never appears in {@link #toString()}.
 *
 * @param caPem CA certificate(s) to trust, or null for the JVM's default trust store
 * @param certPem client certificate chain, or null for server-only TLS
 * @param keyPem the client certificate's PKCS#8 private key, or null
 */
public record TlsMaterial(String caPem, String certPem, String keyPem) {
  public boolean hasClientCertificate() {
    return certPem != null && keyPem != null;
  }

  /** A short fingerprint of the whole material, to tell rotations apart in logs. */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {caPem, certPem, keyPem}) {
        sha.update((part == null ? "-" : part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "TlsMaterial{ca="
        + (caPem == null ? "<default>" : "<pem>")
        + ", clientCertificate="
        + (hasClientCertificate() ? "<pem>" : "<none>")
        + ", fingerprint="
        + fingerprint()
        + "}";
  }
}
