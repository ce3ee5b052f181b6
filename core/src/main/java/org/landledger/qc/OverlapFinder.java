package org.landledger.qc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.landledger.geo.AreaCalculator;
import org.landledger.geo.Overlay;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * 图斑重叠查找: the pairs of polygons whose interiors overlap by more than a tolerance — the {@code OVERLAP} rule
 * of {@code qc}, the coverage sanity check of the analyses that sum areas over a county, and the red-line check's
 * check among the DLTB under its plan parcels (call {@link #find} with those polygons).
 *
 * <p>Fast on a county: an STR-tree of envelopes gives the candidate pairs (in a coverage, the neighbours); a
 * prepared {@link RelateNG} tells whether the interiors meet ({@code T********}: neighbours that only share edges
 * do not), and only those pairs get an exact intersection and its area. Pairs are listed (i &lt; j) in the order of
 * i then j, whatever the thread that found them.
 */
public final class OverlapFinder {

  /** An overlap of polygons {@code first} &lt; {@code second} (positions in the list given), its shape and area. */
  public record Overlap(int first, int second, Geometry geometry, double areaM2) {}

  private OverlapFinder() {}

  /**
   * The overlaps with area above {@code minAreaM2} (m², measured by {@code areas}) among {@code polygons} (nulls and
   * empties are skipped).
   */
  public static List<Overlap> find(List<Geometry> polygons, AreaCalculator areas, double minAreaM2) {
    STRtree tree = new STRtree();
    for (int i = 0; i < polygons.size(); i++) {
      Geometry g = polygons.get(i);
      if (g != null && !g.isEmpty()) {
        tree.insert(g.getEnvelopeInternal(), i);
      }
    }
    tree.build();
    List<List<Overlap>> perPolygon = IntStream.range(0, polygons.size()).parallel()
        .mapToObj(i -> overlapsOf(i, polygons, tree, areas, minAreaM2)).toList();
    List<Overlap> out = new ArrayList<>();
    perPolygon.forEach(out::addAll);
    return out;
  }

  private static List<Overlap> overlapsOf(int i, List<Geometry> polygons, STRtree tree, AreaCalculator areas,
      double minAreaM2) {
    Geometry a = polygons.get(i);
    if (a == null || a.isEmpty()) {
      return List.of();
    }
    Envelope env = a.getEnvelopeInternal();
    @SuppressWarnings("unchecked")
    List<Integer> candidates = tree.query(env);
    List<Integer> later = new ArrayList<>();
    for (int j : candidates) {
      if (j > i) {
        later.add(j);
      }
    }
    if (later.isEmpty()) {
      return List.of();
    }
    later.sort(Comparator.naturalOrder());
    RelateNG rel = RelateNG.prepare(a);
    List<Overlap> out = new ArrayList<>(1);
    for (int j : later) {
      Geometry b = polygons.get(j);
      if (!interiorsMeet(rel, b)) {
        continue;
      }
      Geometry x = Overlay.intersection(a, b);
      double area = areas.area(x);
      if (area > minAreaM2) {
        out.add(new Overlap(i, j, x, area));
      }
    }
    return out;
  }

  private static boolean interiorsMeet(RelateNG rel, Geometry b) {
    try {
      return rel.evaluate(b, RelatePredicate.matches("T********"));
    } catch (RuntimeException e) {
      // An invalid polygon (reported by its own rule) may defeat the predicate: measure the intersection instead.
      return true;
    }
  }
}
