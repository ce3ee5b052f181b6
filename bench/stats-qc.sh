#!/usr/bin/env bash
# Timings of `landledger stats` and `landledger qc` on a sample county, with wall and CPU seconds and the load
# average before each run. Usage: bench/stats-qc.sh [DATA_DIR] [OUT_DIR]   (default /work/data/county42, /tmp/bench-stats)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
D="${1:-/work/data/county42}"
O="${2:-/tmp/bench-stats}"
mkdir -p "$O"
run() {
  local name="$1"; shift
  echo "== $name  load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$name wall %e s, CPU %U+%S s, max RSS %M kB" "$here/landledger" "$@" --no-pdf >"$O/$name.log" 2>"$O/$name.err" \
    || { cat "$O/$name.err"; exit 1; }
  tail -1 "$O/$name.err"
  head -3 "$O/$name.log"
}
"$here/landledger" --version >/dev/null   # build first, outside the timings
run stats stats --landuse "$D/DLTB.shp" --xzq "$D/XZQ.shp" --cjdcq "$D/CJDCQ.shp" --out "$O/stats"
run qc qc --landuse "$D/DLTB.shp" --xzq "$D/XZQ.shp" --cjdcq "$D/CJDCQ.shp" --permanent-farmland "$D/YJJBNTTB.shp" \
  --dev-boundary "$D/CZKFBJ.shp" --eco-redline "$D/STBHHX.shp" --out "$O/qc"
run stats-full stats --landuse "$D/DLTB.shp" --xzq "$D/XZQ.shp" --cjdcq "$D/CJDCQ.shp" \
  --permanent-farmland "$D/YJJBNTTB.shp" --landuse-before "$D/DLTB_BEFORE.shp" --out "$O/stats-full"
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
