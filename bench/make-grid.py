#!/usr/bin/env python3
"""Writes a synthetic DLTB grid and a plan layer as GeoJSON (EPSG:4527) for smoke-testing the bench
scripts (real benchmarks use the samples generator's county or real 三调 data).

    bench/make-grid.py OUT_DIR [N]   → OUT_DIR/dltb.geojson (N×N 100 m cells), OUT_DIR/plan.geojson

Cells cycle through 0101 水田 (KCXS 0.1), 0103 旱地 (KCXS 0.05), 0702 and 1006; plans are 250 m squares
on a 500 m lattice, offset by 30 m so they cut cells. Expected totals can be worked out by hand."""
import json, os, sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100
x0, y0, cell = 39_500_000.0, 4_000_000.0, 100.0
crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4527"}}
codes = [("0101", 0.1), ("0103", 0.05), ("0702", 0.0), ("1006", 0.0)]

def square(x, y, s):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]}

os.makedirs(out, exist_ok=True)
feats = []
for i in range(n):
    for j in range(n):
        code, kcxs = codes[(i + j) % 4]
        feats.append({"type": "Feature", "id": len(feats) + 1, "geometry": square(x0 + i * cell, y0 + j * cell, cell),
                      "properties": {"BSM": str(len(feats) + 1), "DLBM": code, "KCXS": kcxs}})
with open(os.path.join(out, "dltb.geojson"), "w") as f:
    json.dump({"type": "FeatureCollection", "crs": crs, "features": feats}, f)
plans = []
for i in range(0, int(n * cell), 500):
    for j in range(0, int(n * cell), 500):
        plans.append({"type": "Feature", "id": len(plans) + 1, "geometry": square(x0 + i + 30, y0 + j + 30, 250),
                      "properties": {"XMMC": "项目%d" % (len(plans) + 1)}})
with open(os.path.join(out, "plan.geojson"), "w") as f:
    json.dump({"type": "FeatureCollection", "crs": crs, "features": plans}, f)
print(len(feats), "cells,", len(plans), "plans")
