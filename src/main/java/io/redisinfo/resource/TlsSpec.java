package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** {@code spec.tls}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSpec {
  @Default("false")
  @JsonPropertyDescription(
      "Connect with TLS (rediss://). The server's certificate chain is checked against"
          + " caSecretRef (or the JVM's trusted CAs when it is not set); host names are not checked,"
          + " since pods are reached by IP. Defaults to false.")
  private Boolean enabled;

  @JsonPropertyDescription(
      "Secret key holding the PEM CA certificate(s) that sign the servers' certificates (key"
          + " defaults to ca.crt, as cert-manager writes it). A changed Secret is used from the"
          + " next connection on, without a restart.")
  private TlsSecretKeySpec caSecretRef;

  @JsonPropertyDescription(
      "A kubernetes.io/tls Secret (keys tls.crt and tls.key, the key in PKCS#8 PEM: cert-manager"
          + " privateKey.encoding: PKCS8) with the client certificate for servers that require"
          + " one (tls-auth-clients yes).")
  private TlsClientCertSpec clientCertSecretRef;

  public TlsSpec() {}

  public TlsSpec(Boolean enabled) {
    this.enabled = enabled;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public TlsSecretKeySpec getCaSecretRef() {
    return caSecretRef;
  }

  public void setCaSecretRef(TlsSecretKeySpec caSecretRef) {
    this.caSecretRef = caSecretRef;
  }

  public TlsClientCertSpec getClientCertSecretRef() {
    return clientCertSecretRef;
  }

  public void setClientCertSecretRef(TlsClientCertSpec clientCertSecretRef) {
    this.clientCertSecretRef = clientCertSecretRef;
  }
}
