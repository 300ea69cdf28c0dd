package io.redisinfo.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code status.binding}: the Service Binding Secret (servicebinding.io provisioned service). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BindingStatus {
  @JsonPropertyDescription(
      "Name of the Secret <component>-binding (type servicebinding.io/redis) that a"
          + " ServiceBinding projects into workloads.")
  private String name;

  public BindingStatus() {}

  public BindingStatus(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
