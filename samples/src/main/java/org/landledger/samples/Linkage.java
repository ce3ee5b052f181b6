package org.landledger.samples;

import java.util.ArrayList;
import java.util.List;
import org.landledger.landuse.LandUseCodes;

/**
 * 增减挂钩项目: plans the county's linkage projects on its cells — demolition plots (拆旧) on the edges of
 * villages, construction plots (建新) just outside a town, grouped by project. Projects approved up to
 * 2020 are finished (the demolition plots are reclaimed land in the current survey, the construction
 * plots built up); later ones are being implemented (homesteads on their demolition plots are exiting).
 * Most projects balance; one builds more than it demolishes, and grades vary, so checks have something
 * to find.
 */
final class Linkage {

  /** A horizontal run of cells i0..i1 in row j. */
  record Plot(int project, int seq, int j, int i0, int i1, boolean demolition, String occupied, String fkdl,
      Integer grade, String use) {}

  record Project(int index, String xmbh, String xmmc, int year, boolean completed, int township) {}

  private final County c;
  final List<Project> projects = new ArrayList<>();
  final List<Plot> plots = new ArrayList<>();

  Linkage(County c) {
    this.c = c;
  }

  void plan() {
    LandUseCodes codes = LandUseCodes.standard();
    int n = c.nx * c.ny;
    boolean[] demoCand = new boolean[n];
    boolean[] buildCand = new boolean[n];
    boolean[] used = new boolean[n];
    List<List<Integer>> demoByTownship = new ArrayList<>();
    List<List<Integer>> buildBySeat = new ArrayList<>();
    for (int t = 0; t < c.townships.size(); t++) {
      demoByTownship.add(new ArrayList<>());
      buildBySeat.add(new ArrayList<>());
    }
    int[] which = new int[1];
    for (int j = 0; j < c.ny; j++) {
      for (int i = 0; i < c.nx; i++) {
        int k = c.idx(i, j);
        if (!c.inside[k]) {
          continue;
        }
        if (c.zoneNow[k] == County.VILLAGE && "0702".equals(c.now[k]) && "0702".equals(c.before[k])
            && c.villageEdge(i, j)) {
          demoCand[k] = true;
          demoByTownship.get(c.township[k]).add(k);
        }
        if (c.zoneNow[k] == County.PLAIN && codes.isFarmland(c.now[k]) && c.now[k].equals(c.before[k])) {
          double d = c.seatDistance(c.cx(i), c.cy(j), which);
          if (d > 1.08 && d < 1.38) {
            buildCand[k] = true;
            buildBySeat.get(which[0]).add(k);
          }
        }
      }
    }
    List<Integer> withVillages = new ArrayList<>();
    for (int t = 0; t < c.townships.size(); t++) {
      if (demoByTownship.get(t).size() >= 3) {
        withVillages.add(t);
      }
    }
    if (withVillages.isEmpty()) {
      return;
    }
    int countySeat = 0;
    for (County.Township t : c.townships) {
      if (t.countySeat()) {
        countySeat = t.index();
      }
    }
    int count = c.layout.compact() ? 3 : c.layout.tiled() ? 12 : 24;
    long s = c.seed;
    for (int p = 0; p < count; p++) {
      int t = withVillages.get(p % withVillages.size());
      // 2018, 2021, 2019, 2022, 2020, …: even three projects mix finished and ongoing ones.
      int year = 2018 + (p * 3) % 5;
      boolean completed = year <= 2020;
      String xmbh = c.code + year + String.format("%03d", p + 1);
      String xmmc = c.name + c.townships.get(t).name() + "城乡建设用地增减挂钩项目（" + year + "年第" + (p / 5 + 1) + "批）";
      projects.add(new Project(p, xmbh, xmmc, year, completed, t));
      int firstPlot = plots.size();
      List<Integer> cand = demoByTownship.get(t);
      int plotsWanted = 3 + Hashing.below(s, c.col0 + p, c.row0, 701, 5);
      double demoArea = 0;
      int seq = 0;
      for (int a = 0; a < 40 && seq < plotsWanted; a++) {
        int k = cand.get(Hashing.below(s, c.col0 + p, c.row0 + a, 702, cand.size()));
        if (used[k]) {
          continue;
        }
        int j = k / c.nx;
        int i0 = k % c.nx;
        int len = 1 + Hashing.below(s, c.col0 + p, c.row0 + a, 703, 3);
        int i1 = i0;
        while (i1 + 1 < c.nx && i1 - i0 + 1 < len && demoCand[c.idx(i1 + 1, j)] && !used[c.idx(i1 + 1, j)]) {
          i1++;
        }
        double h = Hashing.unit(s, c.col0 + p, c.row0 + a, 704);
        String fkdl = h < 0.5 ? "0103" : h < 0.75 ? "0102" : h < 0.85 ? "0101" : h < 0.95 ? "0301" : "0201";
        int gc = c.col0 + i0;
        int gr = c.row0 + j;
        Integer grade = codes.isFarmland(fkdl) ? Math.min(15, c.gddb(gc, gr) + (completed ? 0 : 1)) : null;
        for (int i = i0; i <= i1; i++) {
          int kk = c.idx(i, j);
          used[kk] = true;
          demoArea += cellArea(i, j);
          if (completed) {
            c.now[kk] = fkdl; // reclaimed: the current survey shows the new class
          } else {
            c.exiting[kk] = true;
          }
        }
        plots.add(new Plot(p, ++seq, j, i0, i1, true, "0702", fkdl, grade, null));
      }
      // Construction plots: normally 55–85 % of the demolished area; project 2 on purpose builds more.
      double ratio = p == 1 ? 1.25 : 0.55 + 0.3 * Hashing.unit(s, c.col0 + p, c.row0, 705);
      double target = demoArea * ratio;
      int host = p % 2 == 0 || buildBySeat.get(t).isEmpty() ? countySeat : t;
      List<Integer> bc = buildBySeat.get(host);
      if (bc.isEmpty()) {
        continue;
      }
      double built = 0;
      int start = Hashing.below(s, c.col0 + p, c.row0, 706, bc.size());
      int jseq = 0;
      for (int a = 0; a < bc.size() && built < target; a++) {
        int k = bc.get((start + a * 7) % bc.size());
        if (used[k]) {
          continue;
        }
        int j = k / c.nx;
        int i0 = k % c.nx;
        int i1 = i0;
        String occupied = c.now[k];
        while (i1 + 1 < c.nx && i1 - i0 + 1 < 4 && buildCand[c.idx(i1 + 1, j)] && !used[c.idx(i1 + 1, j)]
            && c.now[c.idx(i1 + 1, j)].equals(occupied)) {
          i1++;
        }
        double h = Hashing.unit(s, c.col0 + p, c.row0 + a, 707);
        String use = host != countySeat ? "0701" : h < 0.5 ? "0701" : h < 0.8 ? "0601" : "05H1";
        Integer grade = c.gddb(c.col0 + i0, c.row0 + j);
        for (int i = i0; i <= i1; i++) {
          int kk = c.idx(i, j);
          used[kk] = true;
          c.noPbf[kk] = true;
          built += cellArea(i, j);
          if (completed) {
            c.now[kk] = use;
            c.zoneNow[kk] = host == countySeat ? County.TOWN : County.SEAT;
          }
        }
        plots.add(new Plot(p, ++jseq, j, i0, i1, false, occupied, null, grade, use));
      }
      // 土地整治 plans reclaimed farmland at least as good as what the project occupies (占优补优), so the
      // reclaimed grades are capped by the best occupied grade — except in every third project, whose
      // plans keep the village soil's grade and may fall short (QUALITY_DECREASED has a case to find).
      if (p % 3 != 2) {
        capReclaimedGrades(firstPlot);
      }
    }
  }

  /** Caps the reclaimed grade of the demolition plots from index {@code first} by the best occupied grade. */
  private void capReclaimedGrades(int first) {
    int best = Integer.MAX_VALUE;
    for (int k = first; k < plots.size(); k++) {
      Plot pl = plots.get(k);
      if (!pl.demolition() && pl.grade() != null && LandUseCodes.standard().isFarmland(pl.occupied())) {
        best = Math.min(best, pl.grade());
      }
    }
    if (best == Integer.MAX_VALUE) {
      return;
    }
    for (int k = first; k < plots.size(); k++) {
      Plot pl = plots.get(k);
      if (pl.demolition() && pl.grade() != null && pl.grade() > best) {
        plots.set(k, new Plot(pl.project(), pl.seq(), pl.j(), pl.i0(), pl.i1(), true, pl.occupied(), pl.fkdl(),
            best, pl.use()));
      }
    }
  }

  /** Planar area of a cell (for sizing plots; reported areas are ellipsoidal). */
  double cellArea(int i, int j) {
    int w1 = c.nx + 1;
    int a = j * w1 + i;
    int b = a + 1;
    int d = a + w1;
    int e = d + 1;
    double[] x = {c.vx[a], c.vx[b], c.vx[e], c.vx[d]};
    double[] y = {c.vy[a], c.vy[b], c.vy[e], c.vy[d]};
    double sum = 0;
    for (int k = 0; k < 4; k++) {
      int m = (k + 1) % 4;
      sum += (x[k] - x[0]) * (y[m] - y[0]) - (x[m] - x[0]) * (y[k] - y[0]);
    }
    return Math.abs(sum) / 2;
  }
}
