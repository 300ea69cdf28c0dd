package io.redisinfo.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretDataTest {
  private static final SecretRef REF = new SecretRef("auth", "password");

  @Test
  void decodesDataAndFallsBackToStringData() {
    SecretData secret =
        new SecretData("auth", "7", Map.of("password", "czNjcmV0", "bad", "%%"), Map.of("u", "x"));
    assertThat(secret.text("password")).isEqualTo("s3cret");
    assertThat(secret.text("bad")).isNull();
    assertThat(secret.text("u")).isEqualTo("x");
    assertThat(SecretData.require(secret, "shop", REF, "spec.auth.passwordSecretRef"))
        .isEqualTo("s3cret");
    assertThat(SecretData.decoded(SecretData.encoded(Map.of("k", "v"))))
        .isEqualTo(Map.of("k", "v"));
  }

  @Test
  void saysWhatIsMissingAndNeverShowsValues() {
    assertThatThrownBy(() -> SecretData.require(null, "shop", REF, "spec.auth.passwordSecretRef"))
        .isInstanceOfSatisfying(
            SecretData.Missing.class, e -> assertThat(e.reason()).isEqualTo(SecretData.NOT_FOUND))
        .hasMessage(
            "Secret shop/auth of spec.auth.passwordSecretRef does not exist. Create it with the"
                + " key 'password', or fix spec.auth.passwordSecretRef.name.");
    SecretData other = new SecretData("auth", "7", Map.of("other", "eA=="), null);
    assertThatThrownBy(() -> SecretData.require(other, "shop", REF, "spec.auth.passwordSecretRef"))
        .isInstanceOfSatisfying(
            SecretData.Missing.class,
            e -> assertThat(e.reason()).isEqualTo(SecretData.KEY_NOT_FOUND))
        .hasMessageContaining("has no key 'password' (it has: other)");
    assertThat(other.toString()).contains("other").doesNotContain("eA==");
  }
}
