package io.redisinfo.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a label selector in the {@code kubectl -l} form ({@code a=b,c!=d,e,!f,g in (x,y),h notin
 * (z)}) into a {@link PodSelector}, for {@code --pod-selector}.
 */
public final class LabelSelectors {
  private static final Pattern SET =
      Pattern.compile("\\s*([A-Za-z0-9./_-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern EQUALS =
      Pattern.compile("\\s*([A-Za-z0-9./_-]+)\\s*(==|=|!=)\\s*([A-Za-z0-9._-]*)\\s*");
  private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([A-Za-z0-9./_-]+)\\s*");

  private LabelSelectors() {}

  /**
   * @return the selector, or null for an empty text (select nothing)
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static PodSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    List<PodSelector.Requirement> requirements = new ArrayList<>();
    for (String part : split(text)) {
      Matcher m;
      if ((m = SET.matcher(part)).matches()) {
        List<String> values =
            Arrays.stream(m.group(3).split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        requirements.add(
            new PodSelector.Requirement(
                m.group(1), m.group(2).equals("in") ? "In" : "NotIn", values));
      } else if ((m = EQUALS.matcher(part)).matches()) {
        if (m.group(2).equals("!=")) {
          requirements.add(new PodSelector.Requirement(m.group(1), "NotIn", List.of(m.group(3))));
        } else {
          labels.put(m.group(1), m.group(3));
        }
      } else if ((m = EXISTS.matcher(part)).matches()) {
        requirements.add(
            new PodSelector.Requirement(
                m.group(2), m.group(1).isEmpty() ? "Exists" : "DoesNotExist", List.of()));
      } else {
        throw new IllegalArgumentException(
            "'"
                + part.trim()
                + "' is not a label requirement; expected key=value, key!=value, key, !key,"
                + " key in (a,b) or key notin (a,b)");
      }
    }
    return new PodSelector(labels, requirements);
  }

  /** Splits at commas outside parentheses. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
