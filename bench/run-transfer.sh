#!/usr/bin/env bash
# Land-use transfer matrix benchmark: `landledger esv --landuse DLTB --landuse-before DLTB_BEFORE` (which also
# computes ESV before/after, sensitivity, extent account and writes esv.gpkg) vs a GeoPandas overlay of the
# two maps with the same 田坎 rule (bench/geopandas_transfer.py), planar areas, same run, same inputs; then
# compares the matrices cell by cell.
#
#   bench/run-transfer.sh DATA_DIR [RUNS=1] [OUT_DIR=/tmp/bench-transfer]
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(cd "$1" && pwd)"; runs="${2:-1}"; out="${3:-/tmp/bench-transfer}"
PY=/usr/bin/python3
mkdir -p "$out"
$PY -c 'import geopandas' 2>/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-geopandas >&2
# Build once here, outside the timings; then stop the launcher from rebuilding inside a timed run (it rebuilds
# when any *.java in the tree is newer than the jar, bench/java/*.java included).
./landledger --version >/dev/null
export LANDLEDGER_SKIP_BUILD=1
results="$out/results.tsv"
[ -f "$results" ] || printf 'tool\trun\twall_s\tcpu_s\tmax_rss_mb\tload1\n' >"$results"
measure() { # TOOL RUN CMD…
  local tool="$1" run="$2"; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "[$(date -u +%H:%M:%S)] $tool run $run (load $load)" >&2
  /usr/bin/time -v -o "$out/$tool-$run.time" "$@" >"$out/$tool-$run.log" 2>&1 || { tail -5 "$out/$tool-$run.log" >&2; return 1; }
  awk -v tool="$tool" -v run="$run" -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%s\t%s\t%.2f\t%.2f\t%.0f\t%s\n", tool, run, wall, cpu, rss, load }' "$out/$tool-$run.time" >>"$results"
}
for i in $(seq 1 "$runs"); do
  measure ours-esv-planar "$i" ./landledger esv --landuse "$data/DLTB.shp" --landuse-before "$data/DLTB_BEFORE.shp" \
    --unit-value 3000 --area-mode planar --out "$out/ours-$i"
  measure geopandas-transfer "$i" $PY bench/geopandas_transfer.py "$data/DLTB_BEFORE.shp" "$data/DLTB.shp" "$out/geopandas-transfer.csv"
done
$PY - "$out" <<'PY'
import csv, json, os, sys
out = sys.argv[1]
ours = {}
j = json.load(open(os.path.join(out, "ours-1", "esv.json"), encoding="utf-8"))
for t in j["change"]["transitions"]:
    ours[(t["from"], t["to"])] = t["areaHa"] * 10000
gp = {(r["from"], r["to"]): float(r["areaM2"]) for r in csv.DictReader(open(os.path.join(out, "geopandas-transfer.csv")))}
keys = set(ours) | set(gp)
diffs = sorted(((abs(ours.get(k, 0) - gp.get(k, 0)), k) for k in keys), reverse=True)
print("transitions: ours %d, geopandas %d; total area ours %.2f m², geopandas %.2f m²" % (len(ours), len(gp), sum(ours.values()), sum(gp.values())))
print("largest |difference| per cell (m²):", ", ".join("%s→%s %.4f" % (k[0], k[1], d) for d, k in diffs[:5]))
PY
column -t "$results"
