#!/usr/bin/env bash
# The CLI's red-line check and ESV transfer matrix with --engine local and --engine sedona on the same inputs:
# wall, CPU and peak RSS of each whole command, and a check that both engines wrote the same numbers.
#
#   [PLAN=PLAN_BENCH.shp] bench/engine-compare.sh DATA_DIR [RUNS=3] [OUT_DIR=/tmp/bench-engine] [SPARK_MASTER=local[2]]
#
# DATA_DIR is a `landledger samples` folder; PLAN names another plan layer in it (default PLAN.shp). Both
# engines are built first (outside the timings; the first sedona build downloads Spark + Sedona). Runs are
# interleaved engine by engine so background load hits both alike; every run is under /usr/bin/time -v. Prints Markdown (medians, uptime before and after) and writes
# OUT_DIR/results.tsv. Exit 1 if an engine's redline.json or esv.json numbers differ from the local engine's.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(cd "$1" && pwd)"; runs="${2:-3}"; out="${3:-/tmp/bench-engine}"; master="${4:-local[2]}"
mkdir -p "$out"
d="$data/"
redline=(redline --landuse "${d}DLTB.shp" --permanent-farmland "${d}YJJBNTTB.shp" --eco-redline "${d}STBHHX.shp"
  --dev-boundary "${d}CZKFBJ.shp" --plan "${d}${PLAN:-PLAN.shp}" --plan-id-field BSM --xzq "${d}XZQ.shp" --no-pdf)
esv=(esv --landuse "${d}DLTB.shp" --landuse-before "${d}DLTB_BEFORE.shp" --unit-value 3406.5 --by "${d}XZQ.shp"
  --no-pdf)
# Build both (the sedona build only happens through the launcher when asked for).
./landledger --version >/dev/null
./landledger redline --engine sedona --help >/dev/null
export LANDLEDGER_SKIP_BUILD=1

echo "uptime before: $(uptime)" | tee "$out/uptime.txt"
printf 'workload\tengine\trun\twall_s\tcpu_s\tmax_rss_mb\n' > "$out/results.tsv"
for run in $(seq 1 "$runs"); do
  for w in redline esv; do
    for e in local sedona; do
      dir="$out/$w-$e-$run"
      rm -rf "$dir"
      if [ "$w" = redline ]; then args=("${redline[@]}"); else args=("${esv[@]}"); fi
      /usr/bin/time -v -o "$out/time.txt" ./landledger "${args[@]}" --engine "$e" --spark-master "$master" \
        --out "$dir" >"$out/$w-$e-$run.log" 2>&1 || { cat "$out/$w-$e-$run.log" >&2; exit 1; }
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/time.txt")
      cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out/time.txt")
      rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$out/time.txt")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$e" "$run" "$wall" "$cpu" "$rss" | tee -a "$out/results.tsv" >&2
    done
  done
done
echo "uptime after: $(uptime)" | tee -a "$out/uptime.txt"

# Same numbers: the JSON documents compared as values (objects' key order aside; some maps are unordered),
# without the keys naming the engine.
same=1
for w in redline esv; do
  for run in $(seq 1 "$runs"); do
    if ! python3 - "$out/$w-local-1/$w.json" "$out/$w-sedona-$run/$w.json" <<'PY'
import json, sys
def load(p):
    j = json.load(open(p, encoding="utf-8"))
    for m in (j, j.get("summary", {})):
        m.pop("engine", None); m.pop("sparkMaster", None)
    return j
sys.exit(0 if load(sys.argv[1]) == load(sys.argv[2]) else 1)
PY
    then
      echo "**MISMATCH**: $w.json of sedona run $run differs from local" >&2; same=0
    fi
  done
done

echo
echo "| workload | engine | runs | median wall s | median CPU s | median peak RSS MB |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
awk -F'\t' 'NR > 1 {k = $1 "\t" $2; n[k]++; w[k, n[k]] = $4; c[k, n[k]] = $5; r[k, n[k]] = $6; if (!(k in seen)) {seen[k] = 1; order[++m] = k}}
  function med(a, k, cnt,   i, j, t, v) { for (i = 1; i <= cnt; i++) v[i] = a[k, i] + 0
    for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2 }
  END { for (i = 1; i <= m; i++) { k = order[i]; split(k, p, "\t")
    printf "| %s | %s | %d | %.1f | %.1f | %.0f |\n", p[1], p[2], n[k], med(w, k, n[k]), med(c, k, n[k]), med(r, k, n[k]) } }' \
  "$out/results.tsv"
echo
[ "$same" = 1 ] && echo "Same redline.json and esv.json numbers from both engines (spark master $master)." \
  || { echo "**The engines' numbers differ.**"; exit 1; }
