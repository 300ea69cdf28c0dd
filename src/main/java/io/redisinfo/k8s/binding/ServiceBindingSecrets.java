package io.redisinfo.k8s.binding;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.redisinfo.component.SecretData;
import io.redisinfo.directory.DirectoryEntry;
import io.redisinfo.resource.RedisComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each RedisComponent a servicebinding.io provisioned service: a Secret {@code
 * <component>-binding} of type {@code servicebinding.io/redis} whose keys a ServiceBinding projects
 * into workloads (and that Spring Cloud Bindings, Quarkus and the Go/Node binding libraries read):
 * {@code type}, {@code provider}, {@code host}, {@code port}, {@code database}, {@code ssl}, {@code
 * uri} (never with the password in it), {@code username} when set and {@code password} copied from
 * the component's Secret, so a rotation there is copied here. Owned by the component, so the
 * cluster deletes it with it. Written by the leader only. What it last wrote (or found) is kept in
 * memory: the Secret is read (GET by name) and written only when the wanted data differs from that,
 * so a steady state costs no API call. A component opts out with the annotation {@value
 * #OPT_OUT}{@code : "false"}.
 */
public final class ServiceBindingSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBindingSecrets.class);

  public static final String TYPE = "servicebinding.io/redis";
  public static final String OPT_OUT = "redisinfo.io/service-binding";
  static final String PROVIDER = "redis-info-operator";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private final KubernetesClient client;

  /** By {@code namespace/name}: the data of our binding Secret as last written, empty if none. */
  private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

  public ServiceBindingSecrets(KubernetesClient client) {
    this.client = client;
  }

  public static String nameOf(String component) {
    return component + "-binding";
  }

  public static boolean optedOut(RedisComponent resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations != null && "false".equalsIgnoreCase(annotations.get(OPT_OUT));
  }

  /**
   * Brings the component's binding Secret in line with its directory entry.
   *
   * @param password the password from the component's Secret, or null for none
   * @return the Secret's name, or null when there is none (opted out, or no address yet)
   */
  public String sync(RedisComponent resource, DirectoryEntry entry, String password) {
    String namespace = resource.getMetadata().getNamespace();
    String name = nameOf(resource.getMetadata().getName());
    boolean wanted = !optedOut(resource) && entry != null && entry.host() != null;
    Map<String, String> data = wanted ? data(entry, password) : Map.of();
    if (data.equals(known.get(namespace + "/" + name))) {
      return wanted ? name : null;
    }
    Secret current;
    try {
      current = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      LOG.warn("cannot read Secret {}/{}: {}", namespace, name, e.getMessage());
      return wanted ? name : null;
    }
    if (current != null && !isOurs(current)) {
      LOG.warn(
          "Secret {}/{} exists but was not made by redis-info-operator; its binding is not written",
          namespace,
          name);
      return null;
    }
    if (!wanted) {
      if (current == null || delete(namespace, name)) {
        known.put(namespace + "/" + name, Map.of());
      }
      return null;
    }
    if (current != null && data.equals(SecretData.decoded(current.getData()))) {
      known.put(namespace + "/" + name, data);
      return name;
    }
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .addToLabels(MANAGED_BY, PROVIDER)
            .addToLabels("app.kubernetes.io/part-of", resource.getMetadata().getName())
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(resource.getMetadata().getName())
                    .withUid(resource.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(false)
                    .build())
            .endMetadata()
            .withType(TYPE)
            .withStringData(null)
            .withData(SecretData.encoded(data))
            .build();
    try {
      if (current == null) {
        client.secrets().inNamespace(namespace).resource(secret).create();
      } else {
        secret.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
        client.secrets().inNamespace(namespace).resource(secret).update();
      }
      known.put(namespace + "/" + name, data);
    } catch (KubernetesClientException e) {
      // Tried again at the next reconcile, which reads what is there.
      LOG.warn("cannot write Secret {}/{}: {}", namespace, name, e.getMessage());
    }
    return name;
  }

  /** Deletes the binding of a component that is gone (the cluster's GC does it too). */
  public void remove(String namespace, String component) {
    String name = nameOf(component);
    if (Map.of().equals(known.remove(namespace + "/" + name))) {
      return;
    }
    try {
      Secret current = client.secrets().inNamespace(namespace).withName(name).get();
      if (current != null && isOurs(current)) {
        delete(namespace, name);
      }
    } catch (KubernetesClientException e) {
      LOG.warn("cannot read Secret {}/{}: {}", namespace, name, e.getMessage());
    }
  }

  private boolean delete(String namespace, String name) {
    try {
      client.secrets().inNamespace(namespace).withName(name).delete();
      return true;
    } catch (KubernetesClientException e) {
      LOG.warn("cannot delete Secret {}/{}: {}", namespace, name, e.getMessage());
      return false;
    }
  }

  static Map<String, String> data(DirectoryEntry entry, String password) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("type", "redis");
    data.put("provider", PROVIDER);
    data.put("host", entry.host());
    data.put("port", Integer.toString(Objects.requireNonNull(entry.port(), "port")));
    data.put("database", Integer.toString(entry.database()));
    data.put("ssl", Boolean.toString(entry.tls()));
    if (entry.username() != null) {
      data.put("username", entry.username());
    }
    if (password != null && !password.isEmpty()) {
      data.put("password", password);
    }
    // The entry's uri has the user but never the password: clients take it from "password".
    data.put("uri", entry.uri());
    return data;
  }

  private static boolean isOurs(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    return TYPE.equals(secret.getType())
        && labels != null
        && PROVIDER.equals(labels.get(MANAGED_BY));
  }
}
