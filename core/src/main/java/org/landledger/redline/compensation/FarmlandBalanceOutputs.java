package org.landledger.redline.compensation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landledger.geo.Crs;
import org.landledger.geo.Units;
import org.landledger.io.Feature;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;
import org.landledger.io.Json;
import org.landledger.io.Layer;
import org.landledger.io.Layers;
import org.landledger.io.StagedOutput;
import org.landledger.io.WriteOptions;
import org.landledger.landuse.LandUseClass;
import org.landledger.landuse.LandUseCodes;
import org.landledger.policy.PolicyProfile;

/**
 * 耕地进出平衡输出: {@code balance.json} (regime, outflowM2, inflowM2, netM2, per county and township, the
 * transitions behind them, the balance of quantity, paddy, quality and capacity), {@code balance.gpkg} (layer
 * {@code farmland_flows}: the pieces where farmland left or came) and the report — written all or nothing.
 */
public final class FarmlandBalanceOutputs {

  public static final String JSON = "balance.json";
  public static final String GPKG = "balance.gpkg";
  public static final String LAYER = "farmland_flows";

  /** Writes the report files into the staging folder. */
  @FunctionalInterface
  public interface ReportWriter {
    void write(Path dir) throws java.io.IOException;
  }

  private FarmlandBalanceOutputs() {}

  /** Writes the outputs; returns the files written. */
  public static List<Path> writeAll(FarmlandBalance.Result r, Map<String, Object> run, PolicyProfile profile, Crs crs,
      Path out, ReportWriter report) {
    return StagedOutput.write(out, "balance", tmp -> {
      Json.write(tmp.resolve(JSON), toJson(r, run, profile));
      Layers.write(List.of(layer(r, crs)), tmp.resolve(GPKG), WriteOptions.DEFAULT);
      report.write(tmp);
    });
  }

  /** The JSON document; {@code run} holds run facts (CRS, area mode, inputs, notes) put after the totals. */
  public static Map<String, Object> toJson(FarmlandBalance.Result r, Map<String, Object> run, PolicyProfile profile) {
    Map<String, Object> m = new LinkedHashMap<>(r.regime().describe(profile));
    m.putAll(flows(r.total()));
    m.put("counties", r.counties().stream().map(FarmlandBalanceOutputs::flows).toList());
    m.put("townships", r.townships().stream().map(FarmlandBalanceOutputs::flows).toList());
    m.put("transitions", r.transitions().stream().map(FarmlandBalanceOutputs::transition).toList());
    Map<String, Object> grain = new LinkedHashMap<>();
    grain.put("source", r.grainTable().source());
    grain.put("example", r.grainTable().isExample());
    m.put("grainTable", grain);
    m.put("unknownCodes", List.copyOf(r.unknownCodes()));
    m.putAll(run);
    m.put("policy", profile.describe("redline."));
    return m;
  }

  static Map<String, Object> flows(FarmlandBalance.Flows f) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (f.code() != null || f.name() != null) {
      m.put("code", f.code());
      m.put("name", f.name());
    }
    m.put("outflowM2", round(f.outflowM2()));
    m.put("inflowM2", round(f.inflowM2()));
    m.put("netM2", round(f.netM2()));
    m.put("outflowMu", round(Units.m2ToMu(f.outflowM2())));
    m.put("inflowMu", round(Units.m2ToMu(f.inflowM2())));
    m.put("netMu", round(Units.m2ToMu(f.netM2())));
    m.put("uncountedOutflowM2", round(f.uncountedOutflowM2()));
    m.put("paddyOutflowM2", round(f.paddyOutM2()));
    m.put("paddyInflowM2", round(f.paddyInM2()));
    m.put("capacityOutflowKg", round(f.capacityOutKg()));
    m.put("capacityInflowKg", round(f.capacityInKg()));
    m.put("gradeOutflow", f.gradeOut() == null ? null : round(f.gradeOut()));
    m.put("gradeInflow", f.gradeIn() == null ? null : round(f.gradeIn()));
    m.put("ungradedOutflowM2", round(f.ungradedOutM2()));
    m.put("ungradedInflowM2", round(f.ungradedInM2()));
    m.put("kcxsChangeM2", round(f.kcxsChangeM2()));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("quantity", f.quantityBalanced());
    b.put("paddy", f.paddyBalanced());
    b.put("quality", f.qualityBalanced());
    b.put("capacity", f.capacityBalanced());
    b.put("balanced", f.balanced());
    m.put("balance", b);
    return m;
  }

  private static Map<String, Object> transition(FarmlandBalance.Transition t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("township", t.township().isEmpty() ? null : t.township());
    m.put("from", t.from());
    m.put("fromName", name(t.from()));
    m.put("to", t.to());
    m.put("toName", name(t.to()));
    m.put("direction", t.direction().name().toLowerCase(java.util.Locale.ROOT));
    m.put("counted", t.counted());
    m.put("areaM2", round(t.areaM2()));
    m.put("paddyM2", round(t.paddyM2()));
    m.put("capacityKg", round(t.capacityKg()));
    return m;
  }

  private static String name(String code) {
    return LandUseCodes.standard().find(code).map(LandUseClass::nameZh).orElse(null);
  }

  static Layer layer(FarmlandBalance.Result r, Crs crs) {
    List<Feature> rows = new ArrayList<>();
    int i = 0;
    for (FarmlandBalance.Piece p : r.pieces()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("XZDM", p.township());
      a.put("QDLBM", p.from());
      a.put("HDLBM", p.to());
      a.put("LX", p.direction().zh());
      a.put("JR", p.counted() ? 1 : 0);
      a.put("GDMJ", p.areaM2());
      rows.add(new Feature(String.valueOf(++i), p.geometry(), a));
    }
    return new Layer(new LayerSchema(LAYER, List.of(new Field("XZDM", FieldType.STRING),
        new Field("QDLBM", FieldType.STRING), new Field("HDLBM", FieldType.STRING), new Field("LX", FieldType.STRING),
        new Field("JR", FieldType.INTEGER), new Field("GDMJ", FieldType.DOUBLE)), "MultiPolygon"), crs, rows, LAYER);
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
