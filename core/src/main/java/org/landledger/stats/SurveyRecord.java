package org.landledger.stats;

import org.landledger.io.Feature;
import org.landledger.io.InputDataException;
import org.landledger.landuse.StoredAreas;
import org.landledger.landuse.SurveyPolygon;

/**
 * 图斑统计记录: what the 汇总 takes from one 图斑 — BSM, DLBM, the stored areas in 0.01 m² (TBMJ; KCMJ counted under
 * KCDLBM, normally 1203 田坎; the land class gets TBDLMJ = TBMJ − KCMJ), ZLDWDM and the farmland and 城镇村 fields.
 * Areas are taken as stored: the 汇总 adds up TBMJ, it does not re-measure.
 */
public record SurveyRecord(String bsm, String dlbm, String kcdlbm, double kcxs, long tbmj, long kcmj, String zldwdm,
    String gdpdjb, String gdlx, String zzsxdm, String czcsxm) {

  public static SurveyRecord of(Feature f, String location) {
    SurveyPolygon s = SurveyPolygon.of(f, location);
    StoredAreas a = StoredAreas.of(f, location);
    long tbmj = Rounding.cents(a.requireTbmj(location));
    long kcmj = a.kcmj() == null ? Rounding.cents(a.tbmj() * s.kcxs()) : Rounding.cents(a.kcmj());
    if (kcmj < 0 || kcmj > tbmj || tbmj < 0) {
      throw new InputDataException(location, a.bsm(), StoredAreas.KCMJ, "KCMJ " + a.kcmj() + " outside [0, TBMJ "
          + a.tbmj() + "]", null);
    }
    String kcdlbm = kcmj > 0 && s.kcdlbm() == null ? SurveyPolygon.TIANKAN : s.kcdlbm();
    return new SurveyRecord(a.bsm(), s.dlbm(), kcdlbm, s.kcxs(), tbmj, kcmj, s.zldwdm(), f.string("GDPDJB"),
        f.string("GDLX"), f.string("ZZSXDM"), f.string("CZCSXM"));
  }

  /** TBDLMJ: the land class's share, TBMJ − KCMJ (cents). */
  public long tbdlmj() {
    return tbmj - kcmj;
  }

  /** Township code: ZLDWDM's first 9 digits (or "(unknown)"). */
  public String township() {
    return zldwdm != null && zldwdm.length() >= 9 ? zldwdm.substring(0, 9) : "(unknown)";
  }

  /** Village code: ZLDWDM's first 12 digits (or the township's). */
  public String village() {
    return zldwdm != null && zldwdm.length() >= 12 ? zldwdm.substring(0, 12) : township();
  }
}
