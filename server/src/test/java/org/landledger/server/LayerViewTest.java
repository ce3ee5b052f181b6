package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.landledger.geo.Crs;
import org.landledger.io.Feature;
import org.landledger.server.catalog.LayerView;
import org.locationtech.jts.geom.Envelope;

class LayerViewTest {

  @Test
  void onlyFeaturesInTheBboxAreQueried() {
    LayerView v = new LayerView(Crs.epsg(4527), List.of(
        new Feature("a", Fixtures.square(0, 0, 10), Map.of()), new Feature("b", Fixtures.square(1000, 0, 10), Map.of())));
    assertThat(v.query(new Envelope(-5, 20, -5, 20))).extracting(Feature::id).containsExactly("a");
    assertThat(v.bounds()).isEqualTo(new Envelope(0, 1010, 0, 10));
  }
}
