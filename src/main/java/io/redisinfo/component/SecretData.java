package io.redisinfo.component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Kubernetes Secret holds, as plain maps: equal when nothing a reader would see changed.
 * Kept free of Kubernetes types so it is tested and compared without a client.
 *
 * @param name the Secret's name (in the namespace of the components that name it)
 * @param version the Secret's resourceVersion
 * @param data base64 values
 * @param stringData plain values: write-only on a real API server, but kept as written by some test
 *     servers
 */
public record SecretData(
    String name, String version, Map<String, String> data, Map<String, String> stringData) {
  /** The reason when the Secret a {@link SecretRef} names does not exist. */
  public static final String NOT_FOUND = "SecretNotFound";

  /** The reason when the Secret exists without the key. */
  public static final String KEY_NOT_FOUND = "SecretKeyNotFound";

  public SecretData {
    data = data == null ? Map.of() : data;
    stringData = stringData == null ? Map.of() : stringData;
  }

  /** Never the values: they are secret. */
  @Override
  public String toString() {
    return "Secret " + name + " (resourceVersion " + version + ", keys " + data.keySet() + ")";
  }

  /** The decoded value of {@code key}, or null when missing (or not base64). */
  public String text(String key) {
    String encoded = data.get(key);
    if (encoded != null) {
      try {
        return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // fall through: reported as a missing key
      }
    }
    return stringData.get(key);
  }

  /** A key a component needs is missing: {@link #reason()} says how, the message what to fix. */
  public static final class Missing extends RuntimeException {
    private final String reason;

    Missing(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * The decoded value {@code ref} names.
   *
   * @param secret the Secret {@code ref} names, or null when it does not exist
   * @param field the spec field that names it, e.g. {@code spec.auth.passwordSecretRef}
   * @throws Missing when the Secret or its key is missing
   */
  public static String require(SecretData secret, String namespace, SecretRef ref, String field) {
    String text = secret == null ? null : secret.text(ref.key());
    if (text != null) {
      return text;
    }
    if (secret == null) {
      throw new Missing(
          NOT_FOUND,
          "Secret %s/%s of %s does not exist. Create it with the key '%s', or fix %s.name."
              .formatted(namespace, ref.name(), field, ref.key(), field));
    }
    Set<String> keys = new TreeSet<>(secret.data().keySet());
    keys.addAll(secret.stringData().keySet());
    throw new Missing(
        KEY_NOT_FOUND,
        "Secret %s/%s has no key '%s' (it has: %s). Add the key, or fix %s%s"
            .formatted(
                namespace,
                ref.name(),
                ref.key(),
                keys.isEmpty() ? "no keys" : String.join(", ", keys),
                field,
                field.endsWith("clientCertSecretRef")
                    ? " (a kubernetes.io/tls Secret has tls.crt and tls.key)."
                    : ".key."));
  }

  /** Every value of {@code data} decoded (the order kept; null where not base64). */
  public static Map<String, String> decoded(Map<String, String> data) {
    Map<String, String> decoded = new LinkedHashMap<>();
    if (data != null) {
      SecretData secret = new SecretData(null, null, data, null);
      data.keySet().forEach(k -> decoded.put(k, secret.text(k)));
    }
    return decoded;
  }

  /** Every value of {@code data} base64-encoded (the order kept). */
  public static Map<String, String> encoded(Map<String, String> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }
}
