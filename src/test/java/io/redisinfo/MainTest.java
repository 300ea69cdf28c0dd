package io.redisinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(Main.LETTUCE_JFR_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Main.LETTUCE_JFR_PROPERTY);
    } else {
      System.setProperty(Main.LETTUCE_JFR_PROPERTY, before);
    }
  }

  @Test
  void lettuceRecordsNoFlightRecorderEventsByDefault() {
    System.clearProperty(Main.LETTUCE_JFR_PROPERTY);

    Main.applyProcessDefaults();

    assertThat(System.getProperty(Main.LETTUCE_JFR_PROPERTY)).isEqualTo("false");
  }

  @Test
  void aUserWhoAsksForLettuceFlightRecorderEventsGetsThem() {
    System.setProperty(Main.LETTUCE_JFR_PROPERTY, "true");

    Main.applyProcessDefaults();

    assertThat(System.getProperty(Main.LETTUCE_JFR_PROPERTY)).isEqualTo("true");
  }
}
