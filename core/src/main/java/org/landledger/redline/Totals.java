package org.landledger.redline;

import java.util.List;
import org.landledger.redline.compensation.CompensationOwed;

/**
 * 汇总: parcel counts by status and summed areas (m²) over a set of parcels — one township or the whole run.
 * Eco-red-line and outside-boundary sums are null when that layer was not checked.
 */
public record Totals(int parcels, int fail, int warn, int pass, double areaM2, double farmlandM2,
    double farmlandNetM2, double paddyM2, double permanentFarmlandM2, Double ecoRedlineM2,
    Double outsideDevBoundaryM2, CompensationOwed owed) {

  public static Totals of(List<ParcelResult> parcels, boolean ecoChecked, boolean devChecked) {
    int fail = 0;
    int warn = 0;
    int pass = 0;
    double area = 0;
    double farm = 0;
    double net = 0;
    double paddy = 0;
    double pbf = 0;
    double eco = 0;
    double out = 0;
    CompensationOwed owed = CompensationOwed.NONE;
    for (ParcelResult p : parcels) {
      switch (p.status()) {
        case FAIL -> fail++;
        case WARN -> warn++;
        case PASS -> pass++;
      }
      area += p.areaM2();
      farm += p.farmlandM2();
      net += p.farmlandNetM2();
      paddy += p.paddyM2();
      pbf += p.permanentFarmlandM2();
      eco += p.ecoRedlineM2() == null ? 0 : p.ecoRedlineM2();
      out += p.outsideDevBoundaryM2() == null ? 0 : p.outsideDevBoundaryM2();
      owed = owed.plus(p.owed());
    }
    return new Totals(parcels.size(), fail, warn, pass, area, farm, net, paddy, pbf,
        ecoChecked ? eco : null, devChecked ? out : null, owed);
  }
}
