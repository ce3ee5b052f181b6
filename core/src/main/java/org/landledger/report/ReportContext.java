package org.landledger.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.io.Feature;
import org.landledger.io.Layer;
import org.locationtech.jts.geom.Envelope;

/**
 * 报告环境: what every analysis report needs besides its result — the language, 区域/数据日期 from the data, the
 * command's parameters (in order), the map renderer (null: no map) and the land-use layer for the map's base
 * (null: parcels only).
 */
public record ReportContext(Lang lang, SurveyMeta survey, Map<String, String> parameters, MapImages maps,
    Layer landUse) {

  public ReportContext {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    survey = survey == null ? SurveyMeta.EMPTY : survey;
  }

  /** The same context with another survey description (e.g. with township names from the result). */
  public ReportContext withSurvey(SurveyMeta s) {
    return new ReportContext(lang, s, parameters, maps, landUse);
  }

  /** Map size in pixels. */
  public static final int MAP_W = 900;
  public static final int MAP_H = 600;

  /** Adds 区域, 数据日期 and 参数 to the title block. */
  public void titleBlock(Report.Builder b, Messages msg) {
    b.meta(msg.get("meta.region"), survey.region(msg));
    b.meta(msg.get("meta.date"), survey.dataDate(msg));
    List<String> ps = new ArrayList<>();
    parameters.forEach((k, v) -> ps.add(v == null ? k : k + " " + v));
    b.meta(msg.get("meta.params"), ps.isEmpty() ? "—" : String.join("  ", ps));
  }

  /** The land-use polygons as the map's base layer, coloured by 一级类 (DLBM); empty when there is none. */
  public List<MapImages.Layer> landUseBase(LandUseStructure structure, Envelope bbox) {
    if (landUse == null) {
      return List.of();
    }
    List<MapImages.Styled> fs = new ArrayList<>();
    for (Feature f : landUse.features()) {
      if (f.geometry() == null || !f.geometry().getEnvelopeInternal().intersects(bbox)) {
        continue;
      }
      String code = f.string("DLBM");
      fs.add(new MapImages.Styled(f.geometry(), code == null ? "#ffffff" : structure.colour(code.trim()),
          "#9a9a9a"));
    }
    return List.of(new MapImages.Layer("DLTB", fs));
  }

  /**
   * The map section's blocks: {@code overlays} drawn over the land-use base inside {@code extent} (grown to the
   * image's shape), the caption and a legend of the overlays' colours plus the main land-use classes. Empty
   * when there is no renderer or nothing to show.
   */
  public List<Report.Block> map(Envelope extent, List<MapImages.Layer> overlays, String caption,
      List<String> colours, List<String> labels, LandUseStructure structure, Messages msg) {
    if (maps == null || extent == null || extent.isNull()) {
      return List.of();
    }
    Envelope bbox = MapImages.fit(extent, MAP_W, MAP_H, 0.08);
    List<MapImages.Layer> layers = new ArrayList<>(landUseBase(structure, bbox));
    layers.addAll(overlays);
    byte[] png = maps.png(layers, bbox, MAP_W, MAP_H);
    List<String> c = new ArrayList<>(colours);
    List<String> l = new ArrayList<>(labels);
    if (landUse != null) {
      for (String g : List.of("01", "03", "07", "11")) {
        c.add(structure.groupColour(g));
        l.add(structure.groupName(g, msg));
      }
    }
    return List.of(new Report.Image(png, caption, MAP_W * 2 / 3, MAP_H * 2 / 3),
        new Report.Paragraph(caption, false), new Report.Legend(c, l));
  }
}
