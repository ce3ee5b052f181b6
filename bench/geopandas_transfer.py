#!/usr/bin/env python3
"""GeoPandas peer of the land-use transfer matrix (`landledger esv --landuse-before`), planar areas.

    bench/geopandas_transfer.py DLTB_BEFORE.shp DLTB.shp OUT.csv

Overlays the two maps (gpd.overlay how='intersection'), measures each piece, and spreads it over
from → to with LandLedger's 田坎 rule (LandUseTransfer.couple): each side splits the piece into DLBM
(1 − KCXS) and KCDLBM (KCXS); codes on both sides keep min(share before, share after) on the diagonal, the
residual shares are spread proportionally. Writes OUT.csv (from, to, areaM2) and prints step times."""
import os, sys, time
from collections import defaultdict
import geopandas as gpd

def read(path):
    kw = {} if os.path.exists(os.path.splitext(path)[0] + ".cpg") else {"encoding": "gbk"}
    return gpd.read_file(path, **kw)

def split(dlbm, kcdlbm, kcxs):
    if kcxs and kcxs > 0 and kcdlbm:
        return {dlbm: 1 - kcxs, kcdlbm: kcxs} if kcdlbm != dlbm else {dlbm: 1.0}
    return {dlbm: 1.0}

def couple(f, g):
    out = {}
    f, g = dict(f), dict(g)
    for c in list(f):
        if c in g:
            m = min(f[c], g[c])
            if m > 0:
                out[(c, c)] = out.get((c, c), 0) + m
                f[c] -= m
                g[c] -= m
    rest = sum(max(0, y) for y in g.values())
    if rest > 1e-15:
        for a, x in f.items():
            if x > 1e-15:
                for b, y in g.items():
                    if y > 1e-15:
                        out[(a, b)] = out.get((a, b), 0) + x * y / rest
    return out

before_p, after_p, out = sys.argv[1:4]
t0 = time.time()
cols = ["DLBM", "KCDLBM", "KCXS", "geometry"]
before = read(before_p)[cols]
after = read(after_p)[cols]
t1 = time.time()
pieces = gpd.overlay(before, after, how="intersection", keep_geom_type=True)  # suffixes _1 (before), _2 (after)
pieces["a"] = pieces.geometry.area
t2 = time.time()
m = defaultdict(float)
for d1, k1, x1, d2, k2, x2, a in zip(pieces.DLBM_1, pieces.KCDLBM_1, pieces.KCXS_1, pieces.DLBM_2, pieces.KCDLBM_2,
                                     pieces.KCXS_2, pieces.a):
    for tr, s in couple(split(d1, k1, x1), split(d2, k2, x2)).items():
        m[tr] += a * s
t3 = time.time()
with open(out, "w") as w:
    w.write("from,to,areaM2\n")
    for (a, b), v in sorted(m.items()):
        w.write("%s,%s,%.4f\n" % (a, b, v))
print("geopandas %s: read %.2f s (%d + %d polygons), overlay %.2f s (%d pieces), 田坎 coupling %.2f s, total %.2f s"
      % (gpd.__version__, t1 - t0, len(before), len(after), t2 - t1, len(pieces), t3 - t2, time.time() - t0))
print("total area %.2f m², changed (from != to) %.2f m², %d transitions"
      % (sum(m.values()), sum(v for (a, b), v in m.items() if a != b), len(m)))
