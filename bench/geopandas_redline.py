#!/usr/bin/env python3
"""GeoPandas peer of the red-line check: the same quantities as `landledger redline` (planar areas).

    bench/geopandas_redline.py DLTB.shp YJJBNTTB.shp PLAN.shp OUT.csv

Reads the three layers with geopandas.read_file (all attributes, as LandLedger does), overlays the plan
on DLTB and on YJJBNTTB with gpd.overlay(how='intersection'), and sums per plan parcel (BSM): overlap with
DLTB, farmland (DLBM 0101/0102/0103) gross and net of 田坎 (× (1 − KCXS)), and permanent basic farmland
overlap. Prints the seconds of each step and the totals; writes OUT.csv (BSM, overlapM2, farmlandM2,
farmlandNetM2, permanentFarmlandM2)."""
import os, sys, time
import geopandas as gpd
import pandas as pd

def read(path):
    kw = {} if os.path.exists(os.path.splitext(path)[0] + ".cpg") else {"encoding": "gbk"}
    return gpd.read_file(path, **kw)

dltb_p, pbf_p, plan_p, out = sys.argv[1:5]
t0 = time.time()
dltb = read(dltb_p); pbf = read(pbf_p); plan = read(plan_p)
t1 = time.time()
plan = plan[["BSM", "geometry"]]
pieces = gpd.overlay(plan, dltb[["DLBM", "KCXS", "geometry"]], how="intersection", keep_geom_type=True)
pieces["a"] = pieces.geometry.area
farm = pieces["DLBM"].isin(["0101", "0102", "0103"])
pieces["farm"] = pieces["a"].where(farm, 0.0)
pieces["net"] = (pieces["a"] * (1 - pieces["KCXS"].fillna(0))).where(farm, 0.0)
lu = pieces.groupby("BSM")[["a", "farm", "net"]].sum()
t2 = time.time()
pp = gpd.overlay(plan, pbf[["geometry"]], how="intersection", keep_geom_type=True)
pp["p"] = pp.geometry.area
pb = pp.groupby("BSM")[["p"]].sum()
t3 = time.time()
res = pd.DataFrame({"BSM": plan["BSM"]}).set_index("BSM").join(lu).join(pb).fillna(0.0)
res.columns = ["overlapM2", "farmlandM2", "farmlandNetM2", "permanentFarmlandM2"]
res.to_csv(out, float_format="%.4f")
print("geopandas %s (shapely %s): read %.2f s (%d DLTB, %d PBF, %d plans), DLTB overlay %.2f s (%d pieces), "
      "PBF overlay %.2f s, total %.2f s" % (gpd.__version__, __import__("shapely").__version__, t1 - t0, len(dltb),
      len(pbf), len(plan), t2 - t1, len(pieces), t3 - t2, time.time() - t0))
print("totals: overlap %.2f m², farmland %.2f m², farmland net %.2f m², PBF %.2f m²"
      % tuple(res[c].sum() for c in res.columns))
