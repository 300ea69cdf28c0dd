package io.redisinfo.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redisinfo.component.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeverityTableTest {
  static Stream<Arguments> everyRuleAndPurpose() {
    return Rules.all().stream()
        .flatMap(r -> Arrays.stream(Purpose.values()).map(p -> Arguments.of(r.name(), p)));
  }

  /** Every cell is spelled out in the table: C, W, I or "-" (and parsed as such). */
  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("everyRuleAndPurpose")
  void everyRuleHasADeclaredSeverityForEveryPurpose(String rule, Purpose purpose) {
    String[] row =
        Arrays.stream(SeverityTable.ROWS).filter(r -> r[0].equals(rule)).findFirst().orElseThrow();
    String cell = row[1].split(" ")[purpose.ordinal()];
    assertThat(cell).isIn("C", "W", "I", "-");
    assertThat(SeverityTable.severity(rule, purpose).map(s -> s.name().substring(0, 1)))
        .isEqualTo(cell.equals("-") ? java.util.Optional.empty() : java.util.Optional.of(cell));
  }

  @Test
  void tableRowsAndRulesMatchOneToOne() {
    List<String> rows = Arrays.stream(SeverityTable.ROWS).map(r -> r[0]).toList();
    assertThat(rows).doesNotHaveDuplicates().containsExactlyElementsOf(Rules.names());
    assertThat(SeverityTable.COLUMNS.split(" "))
        .containsExactly(
            Arrays.stream(Purpose.values()).map(Purpose::wireName).toArray(String[]::new));
    assertThatThrownBy(() -> SeverityTable.severity("no-such-rule", Purpose.CACHE))
        .hasMessageContaining("no-such-rule");
  }

  @Test
  void purposeSpecificSeveritiesFromTheIssue() {
    assertThat(SeverityTable.severity("no-maxmemory", Purpose.CACHE)).contains(Severity.CRITICAL);
    assertThat(SeverityTable.severity("no-maxmemory", Purpose.QUEUE)).contains(Severity.WARNING);
    assertThat(SeverityTable.severity("memory-near-limit", Purpose.CACHE)).contains(Severity.INFO);
    assertThat(SeverityTable.severity("memory-near-limit", Purpose.LOCK))
        .contains(Severity.CRITICAL);
    assertThat(SeverityTable.severity("evictions", Purpose.CACHE)).contains(Severity.INFO);
    assertThat(SeverityTable.severity("evictions", Purpose.COUNTER)).contains(Severity.CRITICAL);
    assertThat(SeverityTable.severity("no-persistence", Purpose.SESSION))
        .contains(Severity.WARNING);
    assertThat(SeverityTable.severity("blocked-clients", Purpose.QUEUE)).isEmpty();
  }

  @Test
  void rulesHaveDistinctNamesAndALinkFreeOneLineWhy() {
    assertThat(new HashSet<>(Rules.names())).hasSameSizeAs(Rules.all());
    for (Rule rule : Rules.all()) {
      assertThat(rule.name()).matches("[a-z]+(-[a-z]+)*");
      assertThat(rule.why()).isNotBlank().doesNotContain("http").doesNotContain("\n");
    }
  }

  /** docs/ADVISORIES.md documents every rule, with the same severities as the table. */
  @Test
  void docsListEveryRuleWithItsSeverities() throws IOException {
    String docs = Files.readString(Path.of("docs/ADVISORIES.md"));
    for (String[] row : SeverityTable.ROWS) {
      String cells = String.join(" | ", row[1].split(" "));
      assertThat(docs).contains("### `" + row[0] + "`").contains("| `" + row[0] + "` | " + cells);
    }
  }
}
