package io.redisinfo.shard;

/**
 * What a shard's connection authenticates with: an optional ACL user and a password, and the TLS
 * material (CA, client certificate) when the component names any. Neither the password nor a key
 * appears in {@link #toString()}, so they cannot leak through logs or error messages.
 *
 * @param tls TLS material from Secrets, or null for none (TLS, if on, trusts the JVM's CAs)
 */
public record Credentials(String username, String password, TlsMaterial tls) {
  public static final Credentials NONE = new Credentials(null, null, null);

  public Credentials(String username, String password) {
    this(username, password, null);
  }

  public Credentials withTls(TlsMaterial material) {
    return new Credentials(username, password, material);
  }

  public boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials{username="
        + username
        + ", password="
        + (hasPassword() ? "<redacted>" : "<none>")
        + (tls == null ? "" : ", tls=" + tls)
        + "}";
  }
}
