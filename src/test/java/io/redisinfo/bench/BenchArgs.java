package io.redisinfo.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments plus positionals, checked against a list. */
final class BenchArgs {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positionals = new java.util.ArrayList<>();

  BenchArgs(String[] args, Set<String> valueNames, Set<String> flagNames) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (flagNames.contains(arg)) {
        flags.add(arg);
      } else if (valueNames.contains(arg)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        values.put(arg, args[++i]);
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unknown option " + arg + "; options: " + valueNames + " " + flagNames);
      } else {
        positionals.add(arg);
      }
    }
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  double decimal(String name, double fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
    }
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> positionals() {
    return positionals;
  }
}
