package io.redisinfo;

import picocli.CommandLine;

/** The version from the jar's manifest ({@code dev} when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "redis-info-operator " + (version == null ? "dev" : version),
      "Java " + System.getProperty("java.version")
    };
  }
}
