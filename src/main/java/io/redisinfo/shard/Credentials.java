package io.redisinfo.shard;

/**
 * What a shard's connection authenticates with: an optional ACL user and a password. The password
 * never appears in {@link #toString()}, so it cannot leak through logs or error messages.
 */
public record Credentials(String username, String password) {
  public static final Credentials NONE = new Credentials(null, null);

  public boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials{username="
        + username
        + ", password="
        + (hasPassword() ? "<redacted>" : "<none>")
        + "}";
  }
}
