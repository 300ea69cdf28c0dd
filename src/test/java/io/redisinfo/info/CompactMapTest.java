package io.redisinfo.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactMapTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8, 9, 100, 5000})
  void behavesLikeAnOrderedMap(int size) {
    CompactMap.Builder builder = new CompactMap.Builder(4);
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String key = "key" + (i * 7919 % (size + 1));
      builder.putIfAbsent(key, (long) i);
      expected.putIfAbsent(key, (long) i);
    }

    CompactMap map = builder.build();

    assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(map.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(map.toString()).isEqualTo(expected.toString());
    for (String key : expected.keySet()) {
      assertThat(map.get(key)).isEqualTo(expected.get(key));
      assertThat(map.containsKey(new String(key))).isTrue();
    }
    assertThat(map.get("absent")).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.get(42)).isNull();
  }

  @Test
  void addedEntriesAreFoundByLaterLookups() {
    CompactMap.Builder builder = new CompactMap.Builder(2);
    for (int i = 0; i < 50; i++) {
      builder.add("k" + i, (long) i);
    }
    assertThat(builder.containsKey("k49")).isTrue();
    builder.add("late", 1L);
    assertThat(builder.putIfAbsent("late", 2L)).isEqualTo(1L);
    assertThat(builder.size()).isEqualTo(51);
    assertThat(builder.build()).containsEntry("late", 1L).hasSize(51);
  }

  @Test
  void isUnmodifiable() {
    CompactMap.Builder builder = new CompactMap.Builder(4);
    builder.putIfAbsent("a", 1L);
    CompactMap map = builder.build();

    assertThatThrownBy(() -> map.put("b", 2L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(3L))
        .isInstanceOf(UnsupportedOperationException.class);
    Iterator<String> keys = map.keySet().iterator();
    keys.next();
    assertThatThrownBy(keys::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(keys::next).isInstanceOf(NoSuchElementException.class);
  }
}
