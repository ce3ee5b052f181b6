package org.landledger.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.landledger.io.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * 几何修复: finds invalid geometries (JTS {@link IsValidOp}) and, on request, repairs them with JTS
 * {@link GeometryFixer}, recording which feature was repaired and why. Thread-safe.
 */
public final class GeometryRepair {

  /** One repaired (or, when not repairing, detected) invalid geometry. */
  public record Issue(String layer, String featureId, String reason, double x, double y, boolean repaired) {
    @Override
    public String toString() {
      return layer + " feature " + featureId + ": " + reason + " at (" + x + ", " + y + ")"
          + (repaired ? " — repaired" : "");
    }
  }

  private final boolean repair;
  private final List<Issue> issues = Collections.synchronizedList(new ArrayList<>());

  public GeometryRepair(boolean repair) {
    this.repair = repair;
  }

  /** The validation error of a geometry, or null when valid. */
  public static TopologyValidationError validate(Geometry g) {
    if (g == null) {
      return null;
    }
    return new IsValidOp(g).getValidationError();
  }

  /**
   * Returns the feature unchanged when valid; otherwise records the issue and returns the repaired
   * feature (when repairing) or the original.
   */
  public Feature check(String layer, Feature f) {
    Geometry g = f.geometry();
    TopologyValidationError err;
    try {
      err = validate(g);
    } catch (TopologyException e) {
      err = new TopologyValidationError(TopologyValidationError.TOO_FEW_POINTS, null);
    }
    if (err == null) {
      return f;
    }
    double x = err.getCoordinate() == null ? Double.NaN : err.getCoordinate().x;
    double y = err.getCoordinate() == null ? Double.NaN : err.getCoordinate().y;
    issues.add(new Issue(layer, f.id(), err.getMessage(), x, y, repair));
    return repair ? f.withGeometry(GeometryFixer.fix(g)) : f;
  }

  public boolean repairing() {
    return repair;
  }

  /** The issues found so far, in the order found. */
  public List<Issue> issues() {
    synchronized (issues) {
      return List.copyOf(issues);
    }
  }
}
