package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** {@code spec.endpoint}: one Redis server by address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointSpec {
  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription(
      "Host name or IP address of the Redis server: a Service DNS name such as"
          + " redis-stats.shop.svc.cluster.local, an external host or an IP.")
  private String host;

  @Default("6379")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("TCP port of the Redis server (1-65535). Defaults to 6379.")
  private Integer port;

  public EndpointSpec() {}

  public EndpointSpec(String host, Integer port) {
    this.host = host;
    this.port = port;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }
}
