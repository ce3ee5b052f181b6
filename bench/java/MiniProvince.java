package org.landledger.samples;

import java.nio.file.Path;
import org.landledger.geo.Crs;

/**
 * 小省样例: a "mini-province" of N × N county-sized tiles (each as big as the {@code county} scale, ≈ 200 000 DLTB
 * polygons), for the scaling curve between {@code county} and {@code province} (5 × 5 smaller counties).
 * Deterministic like {@code landledger samples}; streamed county by county.
 *
 * <pre>java -cp CLASSPATH org.landledger.samples.MiniProvince OUT_DIR [N=2] [SEED=1]</pre>
 */
public final class MiniProvince {

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Layout county = Scale.COUNTY.layout;
    Layout layout = new Layout(n, n, county.cols(), county.rows(), county.townshipsX(), county.townshipsY(),
        county.villageSpacing(), county.townRadius(), false);
    SampleSummary s = SampleCounty.generate(out, layout, "province", seed, Crs.epsg(4527), System.err::println);
    System.out.println(s.layers());
  }
}
