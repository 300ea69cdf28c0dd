package io.redisinfo.component;

/**
 * Where a component's TLS material is: the CA that signs the servers' certificates and a client
 * certificate for mutual TLS, each a key of a Secret in the component's namespace (a file {@code
 * DIR/name/key} standalone). Any may be null: no CA means the JVM's default trust store, no client
 * certificate means server-only TLS.
 *
 * @param ca PEM CA certificate(s), {@code spec.tls.caSecretRef}
 * @param clientCert PEM certificate chain, key {@code tls.crt} of {@code
 *     spec.tls.clientCertSecretRef}
 * @param clientKey PEM PKCS#8 private key, key {@code tls.key} of the same Secret
 */
public record TlsRefs(SecretRef ca, SecretRef clientCert, SecretRef clientKey) {
  public static final TlsRefs NONE = new TlsRefs(null, null, null);

  /** A kubernetes.io/tls Secret's keys. */
  public static TlsRefs of(SecretRef ca, String clientCertSecret) {
    return clientCertSecret == null
        ? new TlsRefs(ca, null, null)
        : new TlsRefs(
            ca,
            new SecretRef(clientCertSecret, "tls.crt"),
            new SecretRef(clientCertSecret, "tls.key"));
  }

  public boolean isEmpty() {
    return ca == null && clientCert == null;
  }
}
