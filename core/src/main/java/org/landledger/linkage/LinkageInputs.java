package org.landledger.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landledger.geo.Crs;
import org.landledger.geo.GeometryRepair;
import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.io.Layer;

/**
 * 挂钩输入: turns demolition and construction layers into {@link LinkagePlot}s — project id, planned
 * reclaimed class and grade read from configurable fields, geometries repaired and reprojected to the
 * land-use CRS. Bad input (no project id, no geometry, a grade that is not a number in 1–15, a layer
 * without CRS) is an {@link InputDataException} naming file, feature and field.
 */
public final class LinkageInputs {

  /**
   * Field names: project id (XMBH), planned reclaimed class (FKDL), planned quality grade (ZLDB) and,
   * optionally, a plot number field (null: DKBH when the layer has it, else the feature id names the plot).
   */
  public record Fields(String project, String reclaimedClass, String reclaimedGrade, String plotId,
      String reclaimedKcxs, String slope) {
    public static final Fields DEFAULT = new Fields("XMBH", "FKDL", "ZLDB", null);

    public Fields(String project, String reclaimedClass, String reclaimedGrade) {
      this(project, reclaimedClass, reclaimedGrade, null);
    }

    /** With the standard KCXS and GDPDJB fields for the reclaimed farmland's 田坎 coefficient and slope grade. */
    public Fields(String project, String reclaimedClass, String reclaimedGrade, String plotId) {
      this(project, reclaimedClass, reclaimedGrade, plotId, "KCXS", "GDPDJB");
    }
  }

  /** The usual plot number field (地块编号), used when present and no other field is named. */
  public static final String STANDARD_PLOT_ID = "DKBH";

  /** Quality grades: 等别 1–15 (等级 1–10 fits inside). */
  static final int WORST_GRADE = 15;

  private LinkageInputs() {}

  /**
   * The plots of a demolition or construction layer.
   *
   * @param target the land-use CRS; geometries in another CRS are reprojected and a note is added
   * @param repair repairs invalid geometries and records them
   * @param notes receives reprojection notes
   */
  public static List<LinkagePlot> plots(Layer layer, LinkagePlot.Role role, Fields fields, Crs target,
      GeometryRepair repair, List<String> notes) {
    Layer l = toCrs(layer, target, role.zh + " " + role.en, notes);
    List<LinkagePlot> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String plotIdField = fields.plotId() != null ? fields.plotId()
        : layer.schema().hasField(STANDARD_PLOT_ID) ? STANDARD_PLOT_ID : null;
    for (Feature f0 : l.features()) {
      if (f0.geometry() == null || f0.geometry().isEmpty()) {
        throw new InputDataException(layer.location(), f0.id(), null, role.en + " plot has no geometry", null);
      }
      if (!(f0.geometry() instanceof org.locationtech.jts.geom.Polygonal)) {
        throw new InputDataException(layer.location(), f0.id(), null, role.en + " plot must be a polygon, got "
            + f0.geometry().getGeometryType(), null);
      }
      Feature f = repair.check(layer.name(), f0);
      String project = f.string(fields.project());
      if (project == null) {
        throw new InputDataException(layer.location(), f.id(), fields.project(),
            role.en + " plot has no project id (项目区编号为空)", null);
      }
      String cls = null;
      Integer grade = null;
      Double kcxs = null;
      Integer slope = null;
      if (role == LinkagePlot.Role.DEMOLITION) {
        cls = f.string(fields.reclaimedClass());
        grade = grade(layer, f, fields.reclaimedGrade());
        kcxs = kcxs(layer, f, fields.reclaimedKcxs());
        slope = slope(layer, f, fields.slope());
      }
      String id = f.id();
      if (plotIdField != null) {
        id = f.string(plotIdField);
        if (id == null) {
          throw new InputDataException(layer.location(), f.id(), plotIdField, role.en + " plot has no plot number", null);
        }
      }
      if (!seen.add(id)) {
        throw new InputDataException(layer.location(), f.id(), plotIdField,
            "plot number " + id + " appears twice in the " + role.en + " layer", null);
      }
      out.add(new LinkagePlot(id, project, role, f.geometry(), cls, grade, layer.location(), kcxs, slope));
    }
    return out;
  }

  /** The planned 田坎 coefficient: null when the field is absent or blank; a fraction in [0, 1) otherwise. */
  private static Double kcxs(Layer layer, Feature f, String field) {
    if (field == null || !layer.schema().hasField(field)) {
      return null;
    }
    Double k;
    try {
      k = f.number(field);
    } catch (NumberFormatException e) {
      throw new InputDataException(layer.location(), f.id(), field, "KCXS is not a number: " + f.get(field), null);
    }
    if (k != null && !(k >= 0 && k < 1)) {
      throw new InputDataException(layer.location(), f.id(), field, "KCXS must be a fraction in [0, 1), got " + k,
          null);
    }
    return k;
  }

  /** The slope grade 1–5, null when the field is absent, blank or 0. */
  private static Integer slope(Layer layer, Feature f, String field) {
    if (field == null || !layer.schema().hasField(field)) {
      return null;
    }
    Double g;
    try {
      g = f.number(field);
    } catch (NumberFormatException e) {
      throw new InputDataException(layer.location(), f.id(), field, "slope grade is not a number: " + f.get(field),
          null);
    }
    if (g == null || g == 0) {
      return null;
    }
    if (g != Math.rint(g) || g < 1 || g > 5) {
      throw new InputDataException(layer.location(), f.id(), field, "slope grade must be 1–5, got " + g, null);
    }
    return g.intValue();
  }

  /** A grade 1–15, null when blank or 0 (not given); anything else is bad input. */
  private static Integer grade(Layer layer, Feature f, String field) {
    Double g;
    try {
      g = f.number(field);
    } catch (NumberFormatException e) {
      throw new InputDataException(layer.location(), f.id(), field, "quality grade is not a number: " + f.get(field), null);
    }
    if (g == null || g == 0) {
      return null;
    }
    if (g != Math.rint(g) || g < 1 || g > WORST_GRADE) {
      throw new InputDataException(layer.location(), f.id(), field,
          "quality grade must be a whole number 1–" + WORST_GRADE + " (smaller is better), got " + g, null);
    }
    return g.intValue();
  }

  /**
   * The layer in {@code target}'s CRS: unchanged when it already is, else reprojected with a note.
   *
   * @throws InputDataException when the layer has no CRS
   */
  public static Layer toCrs(Layer layer, Crs target, String label, List<String> notes) {
    if (layer.crs() == null) {
      throw new InputDataException(layer.location(), null, null,
          "layer has no coordinate system (.prj missing or unknown); pass --crs EPSG:nnnn", null);
    }
    if (target == null || layer.crs().epsg() == target.epsg()) {
      return layer;
    }
    notes.add(String.format(Locale.ROOT, "%s 图层 %s 坐标系 EPSG:%d 已重投影至土地利用现状图层坐标系 EPSG:%d"
        + " (reprojected to the land-use CRS)", label, layer.location(), layer.crs().epsg(), target.epsg()));
    Crs from = layer.crs();
    List<Feature> fs = layer.features().stream()
        .map(f -> f.geometry() == null ? f : f.withGeometry(from.transform(f.geometry(), target))).toList();
    return new Layer(layer.schema(), target, fs, layer.location());
  }
}
