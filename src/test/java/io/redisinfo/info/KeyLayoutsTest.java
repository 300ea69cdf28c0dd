package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyLayoutsTest {
  private final KeyLayouts layouts = new KeyLayouts();

  private static CompactMap.Builder builder(int size, long valueBase) {
    CompactMap.Builder builder = new CompactMap.Builder(4);
    for (int i = 0; i < size; i++) {
      // new String: equal keys, not the same instances
      builder.add(new String("key" + i), valueBase + i);
    }
    return builder;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 9, 300, KeyLayouts.MAX_SHARED_KEYS})
  void mapsWithTheSameKeysShareThemAndKeepTheirOwnValues(int size) {
    CompactMap first = builder(size, 0).build(layouts);
    CompactMap second = builder(size, 1000).build(layouts);

    assertThat(second.sharesKeysWith(first)).isTrue();
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      expected.put("key" + i, 1000L + i);
    }
    assertThat(second).isEqualTo(expected);
    assertThat(second.keySet()).containsExactlyElementsOf(expected.keySet());
    for (int i = 0; i < size; i++) {
      assertThat(first.get("key" + i)).isEqualTo((long) i);
      assertThat(second.indexOf("key" + i)).isEqualTo(i);
    }
    assertThat(second.get("key" + size)).isNull();
  }

  @Test
  void differentKeysOrOrderOrSizeAreNotShared() {
    CompactMap base = builder(20, 0).build(layouts);
    CompactMap shorter = builder(19, 0).build(layouts);
    CompactMap.Builder reordered = new CompactMap.Builder(4);
    for (int i = 19; i >= 0; i--) {
      reordered.add("key" + i, (long) i);
    }
    CompactMap reversed = reordered.build(layouts);

    assertThat(shorter.sharesKeysWith(base)).isFalse();
    assertThat(reversed.sharesKeysWith(base)).isFalse();
    assertThat(reversed.get("key3")).isEqualTo(3L);
    assertThat(reversed.keyAt(0)).isEqualTo("key19");
  }

  @Test
  void largerMapsGetKeysOfTheirOwnAndStillWork() {
    int size = KeyLayouts.MAX_SHARED_KEYS + 1;
    CompactMap first = builder(size, 0).build(layouts);
    CompactMap second = builder(size, 0).build(layouts);

    assertThat(second.sharesKeysWith(first)).isFalse();
    assertThat(second.get("key" + (size - 1))).isEqualTo(size - 1L);
  }

  @Test
  void aCollisionReplacesTheOlderLayoutWithoutHarmingItsMaps() {
    KeyLayouts oneSlot = new KeyLayouts(1);
    CompactMap a = builder(10, 0).build(oneSlot);
    CompactMap b = builder(11, 0).build(oneSlot);
    CompactMap a2 = builder(10, 5).build(oneSlot);

    assertThat(a2.sharesKeysWith(a)).isFalse();
    assertThat(a.get("key9")).isEqualTo(9L);
    assertThat(b.get("key10")).isEqualTo(10L);
    assertThat(a2.get("key9")).isEqualTo(14L);
  }

  @Test
  void rejectsACapacityThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new KeyLayouts(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
  }
}
