package io.redisinfo.k8s;

import io.redisinfo.component.SecretData;

/**
 * Why a component cannot be polled as declared, found while reading it from the cluster: becomes
 * its {@code Ready=False} condition and a Warning Event.
 *
 * @param reason a CamelCase word: {@link #INVALID_SPEC}, {@link #SECRET_NOT_FOUND}, {@link
 *     #SECRET_KEY_NOT_FOUND}
 * @param message what is wrong and what to fix
 */
public record ComponentProblem(String reason, String message) {
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRET_NOT_FOUND = SecretData.NOT_FOUND;
  public static final String SECRET_KEY_NOT_FOUND = SecretData.KEY_NOT_FOUND;
}
