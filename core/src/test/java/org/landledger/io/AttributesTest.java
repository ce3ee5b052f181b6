package org.landledger.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  private static Map<String, Object> row() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("BSM", "0001");
    m.put("DLBM", "0101");
    m.put("kcxs", 0.08);
    m.put("GDDB", null);
    return m;
  }

  @Test
  void behavesAsTheMapItWasCopiedFrom() {
    Map<String, Object> m = row();
    Attributes a = Attributes.copyOf(m);
    assertThat(a).isEqualTo(m).hasSameHashCodeAs(m);
    assertThat(m).isEqualTo(a);
    assertThat(a.keySet()).containsExactly("BSM", "DLBM", "kcxs", "GDDB");
    assertThat(new ArrayList<>(a.values())).containsExactly("0001", "0101", 0.08, null);
    assertThat(a.containsKey("GDDB")).isTrue();
    assertThat(a.containsKey("gddb")).isFalse();
    assertThat(a.get("GDDB")).isNull();
    assertThat(a.get("nope")).isNull();
    assertThat(a.toString()).isEqualTo(m.toString());
    List<String> seen = new ArrayList<>();
    a.forEach((k, v) -> seen.add(k + "=" + v));
    assertThat(seen).containsExactly("BSM=0001", "DLBM=0101", "kcxs=0.08", "GDDB=null");
    assertThatThrownBy(() -> a.put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesWithTheSameFieldsShareOneKeyIndex() {
    Attributes a = Attributes.copyOf(row());
    Attributes b = Attributes.copyOf(row());
    assertThat(a.keys()).isSameAs(b.keys());
    assertThat(Attributes.copyOf(a)).isSameAs(a);
    Map<String, Object> other = new HashMap<>();
    other.put(null, 1); // a null key is kept (HashMap allows it), as before
    assertThat(Attributes.copyOf(other).get(null)).isEqualTo(1);
  }

  @Test
  void lookupIgnoringCaseTakesTheExactNameFirstThenTheFirstInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Dlbm", "first");
    m.put("DLBM", "exact");
    m.put("dlbm", "third");
    Attributes a = Attributes.copyOf(m);
    assertThat(a.getIgnoreCase("DLBM")).isEqualTo("exact");
    assertThat(a.getIgnoreCase("dLBm")).isEqualTo("first");
    assertThat(a.hasIgnoreCase("dlBM")).isTrue();
    assertThat(a.hasIgnoreCase("KCXS")).isFalse();
    Feature f = new Feature("1", null, Attributes.copyOf(row()));
    assertThat(f.number("KCXS")).isEqualTo(0.08);
    assertThat(f.string("bsm")).isEqualTo("0001");
    assertThat(f.has("Gddb")).isTrue();
    assertThat(f.get("GDDB")).isNull();
  }

  @Test
  void aFeatureCopiesTheCallersMapSoLaterChangesDoNotLeakIn() {
    Map<String, Object> m = row();
    Feature f = new Feature("1", null, m);
    m.put("DLBM", "0201");
    assertThat(f.string("DLBM")).isEqualTo("0101");
    assertThat(f.withGeometry(null).attributes()).isSameAs(f.attributes());
  }

  @Test
  void thePoolSharesEqualValuesOfAFieldAndKeepsTheirValue() {
    ValuePool pool = new ValuePool(List.of(new Field("DLBM", FieldType.STRING), new Field("KCXS", FieldType.DOUBLE),
        new Field("N", FieldType.DOUBLE)));
    Object[] r1 = pool.row();
    Object[] r2 = pool.row();
    pool.set(r1, 0, new String("0101"));
    pool.set(r2, 0, new String("0101"));
    pool.set(r1, 1, 0.08);
    pool.set(r2, 1, 0.08);
    pool.set(r1, 2, 0.0);
    pool.set(r2, 2, -0.0); // equal as numbers, not as values: kept apart
    assertThat(r1[0]).isSameAs(r2[0]);
    assertThat(r1[1]).isSameAs(r2[1]);
    assertThat(r2[2]).isEqualTo(-0.0);
    Attributes a = pool.attributes(r1);
    assertThat(a).containsExactly(Map.entry("DLBM", "0101"), Map.entry("KCXS", 0.08), Map.entry("N", 0.0));
    assertThat(pool.attributes(r2).keys()).isSameAs(a.keys());
  }

  @Test
  void aFieldOfMostlyDistinctValuesStopsBeingPooled() {
    ValuePool pool = new ValuePool(List.of(new Field("BSM", FieldType.STRING)));
    for (int i = 0; i <= ValuePool.MAX_DISTINCT; i++) {
      pool.set(pool.row(), 0, "id" + i);
    }
    String late = new String("id0");
    assertThat(pool.intern(0, late)).isSameAs(late); // no longer pooled
  }

  @Test
  void aRepeatedFieldNameKeepsItsFirstPlaceAndTheLastValue() {
    ValuePool pool = new ValuePool(List.of(new Field("A", FieldType.STRING), new Field("B", FieldType.STRING),
        new Field("A", FieldType.STRING)));
    Object[] r = pool.row();
    pool.set(r, 0, "a1");
    pool.set(r, 1, "b");
    pool.set(r, 2, "a2");
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("A", "a1");
    before.put("B", "b");
    before.put("A", "a2");
    assertThat(pool.attributes(r)).isEqualTo(before).containsExactly(Map.entry("A", "a2"), Map.entry("B", "b"));
  }
}
