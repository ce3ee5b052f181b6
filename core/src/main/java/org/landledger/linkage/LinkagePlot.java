package org.landledger.linkage;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * 挂钩地块: one plot of a linkage project area — a demolition plot (拆旧地块, existing rural construction
 * land to be demolished and reclaimed) or a construction plot (建新地块, new construction land).
 *
 * @param id feature id in its source layer
 * @param projectId the project area (项目区) it belongs to
 * @param role demolition or construction
 * @param geometry in the land-use layer's CRS
 * @param plannedClass for demolition plots: the planned land class after reclamation (复垦地类, FKDL), or null
 * @param plannedGrade for demolition plots: the expected quality grade of reclaimed farmland (质量等别, 1 best),
 *     or null when not given
 * @param location source file, for messages
 * @param plannedKcxs for demolition plots reclaimed to farmland: the 田坎 coefficient the reclaimed farmland will
 *     carry (KCXS), or null to take it from the profile by class and slope
 * @param slopeGrade for demolition plots: the slope grade of the reclaimed farmland (GDPDJB 1–5), or null
 */
public record LinkagePlot(String id, String projectId, Role role, Geometry geometry, String plannedClass,
    Integer plannedGrade, String location, Double plannedKcxs, Integer slopeGrade) {

  /** A plot without a planned KCXS or slope grade. */
  public LinkagePlot(String id, String projectId, Role role, Geometry geometry, String plannedClass,
      Integer plannedGrade, String location) {
    this(id, projectId, role, geometry, plannedClass, plannedGrade, location, null, null);
  }

  /** 地块类型. */
  public enum Role {
    DEMOLITION("拆旧地块", "demolition"),
    CONSTRUCTION("建新地块", "construction");

    public final String zh;
    public final String en;

    Role(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

  public LinkagePlot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(geometry, "geometry");
  }

  /** A construction plot (no planned class or grade). */
  public static LinkagePlot construction(String id, String projectId, Geometry g) {
    return new LinkagePlot(id, projectId, Role.CONSTRUCTION, g, null, null, "construction");
  }

  /** A demolition plot with its planned reclaimed class and grade (either may be null). */
  public static LinkagePlot demolition(String id, String projectId, Geometry g, String plannedClass, Integer grade) {
    return new LinkagePlot(id, projectId, Role.DEMOLITION, g, plannedClass, grade, "demolition");
  }
}
