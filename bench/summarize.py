#!/usr/bin/env python3
"""Summarises a bench/run-redline.sh output folder: medians per tool and per-parcel agreement.

    bench/summarize.py OUT_DIR PLAN_LAYER   → Markdown on stdout"""
import csv, os, statistics, sys

out, plan = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(out, "results.tsv")), delimiter="\t"))
tools = []
for r in rows:
    if r["tool"] not in tools:
        tools.append(r["tool"])
print("| tool | runs | wall s (median) | wall s (all) | CPU s (median) | peak RSS MB (max) | load avg 1 min |")
print("|---|---|---|---|---|---|---|")
med = {}
cpu = {}
for t in tools:
    rs = [r for r in rows if r["tool"] == t]
    w = [float(r["wall_s"]) for r in rs]
    c = [float(r["cpu_s"]) for r in rs]
    med[t] = statistics.median(w)
    cpu[t] = statistics.median(c)
    print("| %s | %d | **%.1f** | %s | %.1f | %d | %s |" % (t, len(rs), med[t], ", ".join("%.1f" % x for x in w),
          statistics.median(c), max(int(r["max_rss_mb"]) for r in rs), ", ".join(r["load1"] for r in rs)))
print()
for base in ("ours-planar", "ours-ellipsoidal"):
    if base in med:
        print("Ratios to %s (wall medians): %s" % (base, ", ".join("%s %.2f×" % (t, med[t] / med[base])
              for t in med if t != base and not t.startswith(("pgload", "ogr-convert")))))
print()
for base in ("ours-planar", "ours-ellipsoidal"):
    if base in cpu:
        print("CPU ratios, tool / %s (medians): %s" % (base, ", ".join("%s %.2f" % (t, cpu[t] / cpu[base])
              for t in cpu if t != base and not t.startswith(("pgload", "ogr-convert")) and cpu[t] > 1)))
print()

def load(name, cols):
    p = os.path.join(out, name)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8-sig") as f:
        rd = csv.DictReader(f)
        key = "id" if "id" in rd.fieldnames else ("BSM" if "BSM" in rd.fieldnames else "bsm")
        d = {}
        for r in rd:
            d[r[key]] = [float(r[c]) if r.get(c) not in (None, "") else 0.0 for c in cols]
        return d

std = ["farmlandM2", "farmlandNetM2", "permanentFarmlandM2"]
sets = {
    "ours-planar": load("ours-planar.csv", std),
    "ours-ellipsoidal": load("ours-ellipsoidal.csv", std),
    "floor-planar": load("floor-planar.csv", std),
    "floor-ellipsoidal": load("floor-ellipsoidal.csv", std),
    "geopandas": load("geopandas.csv", std),
    "postgis": load("postgis.csv", ["farmland_m2", "farmland_net_m2", "pbf_m2"]),
    "ogr-sqlite": load("ogr-sqlite.csv", std),
}
sets = {k: v for k, v in sets.items() if v}
print("| result | parcels | farmland m² | farmland net m² | PBF overlap m² |")
print("|---|---|---|---|---|")
for k, v in sets.items():
    tot = [sum(x[i] for x in v.values()) for i in range(3)]
    print("| %s | %d | %.2f | %.2f | %.2f |" % (k, len(v), *tot))
print()
print("Per-parcel agreement (max |difference| over parcels, m²; parcels differing by more than 0.01 m²):")
print()
print("| pair | farmland | farmland net | PBF | parcels > 0.01 m² |")
print("|---|---|---|---|---|")
pairs = [("ours-planar", x) for x in ("floor-planar", "geopandas", "postgis", "ogr-sqlite")] + [("geopandas", "postgis"),
         ("postgis", "ogr-sqlite"),
         ("ours-ellipsoidal", "floor-ellipsoidal"), ("ours-planar", "ours-ellipsoidal"), ("floor-planar", "floor-ellipsoidal")]
for a, b in pairs:
    if a not in sets or b not in sets:
        continue
    A, B = sets[a], sets[b]
    keys = set(A) | set(B)
    mx = [0.0, 0.0, 0.0]
    bad = 0
    for k in keys:
        x, y = A.get(k, [0, 0, 0]), B.get(k, [0, 0, 0])
        d = [abs(x[i] - y[i]) for i in range(3)]
        mx = [max(mx[i], d[i]) for i in range(3)]
        bad += any(v > 0.01 for v in d)
    print("| %s vs %s | %.4f | %.4f | %.4f | %d |" % (a, b, *mx, bad))
