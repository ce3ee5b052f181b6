package org.landledger.homestead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landledger.geo.LayerIndex;
import org.landledger.geo.Overlay;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Geometry;

/**
 * 退出宅基地认定: which parcels exit — flagged by a field value in the register, or listed in an exits layer.
 * An exits layer that carries the parcel-id field is matched by id (every id must exist in the register);
 * otherwise by geometry: a parcel exits when exit polygons cover at least {@code minCoveredShare} of it.
 */
public final class ExitSelection {

  private ExitSelection() {}

  /** How parcels were matched, for the report. */
  public record Selection(List<HomesteadParcel> parcels, String method) {}

  public static Selection byFlag(HomesteadRegister register, String field, String value) {
    return new Selection(register.parcels().stream().filter(HomesteadParcel::exitFlagged).toList(),
        "字段 " + field + " = " + value + " (field value)");
  }

  /** @param exits the exits layer, already in the register's CRS */
  public static Selection byLayer(HomesteadRegister register, Layer exits, String idField, double minCoveredShare) {
    if (exits.schema().hasField(idField)) {
      Set<String> ids = new LinkedHashSet<>();
      for (Feature f : exits.features()) {
        String id = f.string(idField);
        if (id == null) {
          throw new InputDataException(Path.of(exits.location()), f.id(), idField, "退出宗地无宗地代码 (no parcel id)");
        }
        ids.add(id);
      }
      Set<String> known = new java.util.HashSet<>();
      register.parcels().forEach(p -> known.add(p.parcelId()));
      List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new InputDataException(Path.of(exits.location()), null, idField,
            "退出宗地代码不在宅基地图层中 (exit ids not among the parcels): " + unknown);
      }
      return new Selection(register.parcels().stream().filter(p -> ids.contains(p.parcelId())).toList(),
          "按宗地代码 " + idField + " 匹配 (matched by id)");
    }
    LayerIndex index = new LayerIndex(exits.features());
    List<HomesteadParcel> out = new ArrayList<>();
    for (HomesteadParcel p : register.parcels()) {
      List<Geometry> hits = index.intersecting(p.geometry()).stream().map(Feature::geometry).toList();
      if (hits.isEmpty()) {
        continue;
      }
      double covered = Overlay.intersection(p.geometry(), Overlay.union(hits)).getArea();
      if (covered >= minCoveredShare * p.geometry().getArea()) {
        out.add(p);
      }
    }
    return new Selection(out, "按几何匹配：退出图斑覆盖宗地面积 ≥ " + Math.round(minCoveredShare * 100)
        + "% (matched by geometry, covered share ≥ " + minCoveredShare + ")");
  }
}
