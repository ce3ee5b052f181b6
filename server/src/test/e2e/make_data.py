#!/usr/bin/env python3
"""Writes the e2e fixture: a grid of 三调-like land-use squares (GeoJSON, EPSG:4527, GK zone 39) and a
red-line result layer in a sub-folder (a layer group). Usage: make_data.py OUT_DIR [N] (N×N squares)."""
import json, os, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
x0, y0, side, gap = 39_500_000.0, 4_000_000.0, 90.0, 10.0
codes = [("0101", "水田"), ("0103", "旱地"), ("0301", "乔木林地"), ("0401", "天然牧草地"), ("0702", "农村宅基地"),
         ("1003", "公路用地"), ("1101", "河流水面"), ("1202", "设施农用地")]
crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4527"}}

def square(x, y, s):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]}

feats = []
for i in range(n):
    for j in range(n):
        k = i * n + j
        code, name = codes[k % len(codes)]
        feats.append({"type": "Feature", "id": k + 1,
                      "properties": {"BSM": str(k + 1), "DLBM": code, "DLMC": name, "ZLDWMC": "城关镇东关村", "TBMJ": side * side},
                      "geometry": square(x0 + j * (side + gap), y0 + i * (side + gap), side)})
os.makedirs(os.path.join(out, "redline"), exist_ok=True)
with open(os.path.join(out, "DLTB.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "crs": crs, "features": feats}, f, ensure_ascii=False)
st = ["PASS", "WARN", "FAIL"]
res = [{"type": "Feature", "id": k + 1, "properties": {"status": st[k % 3], "reason": "占用永久基本农田" if k % 3 == 2 else ""},
        "geometry": square(x0 + k * 100.0, y0, 90.0)} for k in range(min(n, 6))]
with open(os.path.join(out, "redline", "result.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "crs": crs, "features": res}, f, ensure_ascii=False)
with open(os.path.join(out, "redline", "summary.json"), "w", encoding="utf-8") as f:
    json.dump({"status": "FAIL", "counts": {"PASS": sum(1 for r in res if r["properties"]["status"] == "PASS"),
               "WARN": sum(1 for r in res if r["properties"]["status"] == "WARN"),
               "FAIL": sum(1 for r in res if r["properties"]["status"] == "FAIL")}}, f, ensure_ascii=False)
