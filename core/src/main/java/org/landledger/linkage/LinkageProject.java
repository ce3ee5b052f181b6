package org.landledger.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 增减挂钩项目区: a project area — its demolition plots (拆旧区) and construction plots (建新区), which must
 * lie in one county and balance: construction land does not increase, farmland does not decrease and its
 * quality does not fall (国土资发〔2008〕138号).
 */
public record LinkageProject(String projectId, List<LinkagePlot> demolition, List<LinkagePlot> construction) {

  public LinkageProject {
    demolition = List.copyOf(demolition);
    construction = List.copyOf(construction);
  }

  /** Groups plots by project id, projects in id order, plots in input order. */
  public static List<LinkageProject> group(List<LinkagePlot> plots) {
    Map<String, List<LinkagePlot>> dem = new TreeMap<>();
    Map<String, List<LinkagePlot>> con = new TreeMap<>();
    for (LinkagePlot p : plots) {
      dem.computeIfAbsent(p.projectId(), k -> new ArrayList<>());
      con.computeIfAbsent(p.projectId(), k -> new ArrayList<>());
      (p.role() == LinkagePlot.Role.DEMOLITION ? dem : con).get(p.projectId()).add(p);
    }
    List<LinkageProject> out = new ArrayList<>();
    dem.forEach((id, d) -> out.add(new LinkageProject(id, d, con.get(id))));
    return out;
  }
}
