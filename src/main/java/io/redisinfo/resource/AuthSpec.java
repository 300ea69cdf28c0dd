package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.auth}: how to authenticate; the password itself never appears in the resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthSpec {
  @Size(min = 1, max = 128)
  @JsonPropertyDescription(
      "ACL user name (Redis 6+). Omit to authenticate as the default user with the password"
          + " alone.")
  private String username;

  @JsonPropertyDescription(
      "Secret key holding the password. The operator reads it to poll INFO; it is never copied"
          + " into status, the directory, logs or metrics (the directory repeats only this"
          + " reference).")
  private SecretKeySelectorSpec passwordSecretRef;

  public AuthSpec() {}

  public AuthSpec(String username, SecretKeySelectorSpec passwordSecretRef) {
    this.username = username;
    this.passwordSecretRef = passwordSecretRef;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public SecretKeySelectorSpec getPasswordSecretRef() {
    return passwordSecretRef;
  }

  public void setPasswordSecretRef(SecretKeySelectorSpec passwordSecretRef) {
    this.passwordSecretRef = passwordSecretRef;
  }
}
