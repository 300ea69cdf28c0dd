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

  @ParameterizedTest
  @ValueSource(ints = {1, 8, 9, 40})
  void aViewOverAStretchOfALargerArrayIsTheMapOfThoseValues(int size) {
    CompactMap.Builder builder = new CompactMap.Builder(size);
    for (int i = 0; i < size; i++) {
      builder.add("key" + i, -1L);
    }
    CompactMap layout = builder.build();
    Object[] shared = new Object[size + 10];
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      shared[3 + i] = (long) i;
      expected.put("key" + i, (long) i);
    }
    shared[2] = "before";
    shared[3 + size] = "after";

    CompactMap view = layout.withValuesAt(shared, 3);

    assertThat(view).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(size);
    assertThat(view.entrySet()).containsExactlyElementsOf(expected.entrySet());
    Map<String, Object> walked = new LinkedHashMap<>();
    view.forEach(walked::put);
    assertThat(walked).containsExactlyEntriesOf(expected);
    for (int i = 0; i < size; i++) {
      assertThat(view.get("key" + i)).isEqualTo((long) i);
      assertThat(view.valueAt(i)).isEqualTo((long) i);
    }
    assertThat(view.values()).doesNotContain("before", "after");
    assertThatThrownBy(() -> layout.withValuesAt(shared, 11))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.withValuesAt(shared, -1))
        .isInstanceOf(IllegalArgumentException.class);
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
