#!/usr/bin/env python3
"""Red-line inputs next to make_data.py's DLTB grid: PBF.geojson (permanent basic farmland over square 1)
and PLAN.geojson (three planned parcels: over square 1 → FAIL, over the 0103 square 2 → WARN, over the
0401 grassland square 4 → PASS). Usage: make_redline_inputs.py DIR"""
import json, os, sys

out = sys.argv[1]
x0, y0 = 39_500_000.0, 4_000_000.0
crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4527"}}

def square(x, y, s):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]}

def fc(features):
    return {"type": "FeatureCollection", "crs": crs, "features": features}

pbf = [{"type": "Feature", "id": 1, "properties": {"BSM": "P1"}, "geometry": square(x0, y0, 90)}]
plan = [{"type": "Feature", "id": i + 1, "properties": {"DKBH": "GH-%d" % (i + 1), "YDLX": "城镇建设"},
         "geometry": square(x0 + 100 * k + 20, y0 + 20, 50)} for i, k in enumerate([0, 1, 3])]
for name, f in (("PBF.geojson", pbf), ("PLAN.geojson", plan)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
        json.dump(fc(f), fh, ensure_ascii=False)
