#!/usr/bin/env bash
# Red-line check benchmark: LandLedger (planar and ellipsoidal) vs the JTS floor, GeoPandas and PostGIS,
# measured in the same run on the same inputs; then checks that the answers agree.
#
#   bench/run-redline.sh DATA_DIR [RUNS=3] [OUT_DIR=/tmp/bench-redline] [--tools "ours floor geopandas postgis ogr-sqlite"]
#
# DATA_DIR is a `landledger samples` folder (DLTB.shp, YJJBNTTB.shp, XZQ.shp, PLAN.shp). When PLAN has fewer
# than 5 000 parcels, a deterministic bench plan layer DATA_DIR/PLAN_BENCH.shp (6 000 parcels) is made
# with bench/java/MakeBenchPlan.java. Installs what it needs (python3-geopandas, gdal-bin; PostGIS via
# scripts/postgis-up.sh in its own state dir). Every process runs under /usr/bin/time -v (wall, CPU,
# peak RSS); runs are interleaved tool by tool so background load hits all tools alike. Writes
# OUT_DIR/results.tsv, per-parcel CSVs and OUT_DIR/report.md (medians + agreement).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
data="$(cd "$1" && pwd)"; runs="${2:-3}"; out="${3:-/tmp/bench-redline}"
tools="ours floor geopandas postgis"
[ "${4:-}" = "--tools" ] && tools="$5"
mkdir -p "$out"
PY=/usr/bin/python3 # Debian's python, which python3-geopandas installs into (not a pyenv/venv one)
export LANDLEDGER_PG_STATE="${LANDLEDGER_PG_STATE:-/tmp/landledger-pg-bench}"

need_apt() { # need_apt CHECK-COMMAND PACKAGE…
  if ! eval "$1" >/dev/null 2>&1; then
    shift
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=900 "$@" >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=900 "$@" >&2; }
  fi
}
need_apt "$PY -c 'import geopandas'" python3-geopandas
need_apt 'command -v ogr2ogr' gdal-bin
[ -x /usr/bin/time ] || need_apt false time

# Build once, outside the timings; compile the bench mains against the CLI's classpath.
# Build once here, outside the timings; then stop the launcher from rebuilding inside a timed run (it rebuilds
# when any *.java in the tree is newer than the jar, bench/java/*.java included).
./landledger --version >/dev/null
export LANDLEDGER_SKIP_BUILD=1
cp="$root/cli/target/landledger-cli.jar:$root/cli/target/lib/*"
if [ ! -d "$out/classes" ] || [ -n "$(find bench/java -newer "$out/classes" -print -quit)" ]; then
  mkdir -p "$out/classes"; javac -nowarn -d "$out/classes" -cp "$cp" bench/java/*.java; touch "$out/classes"
fi
jcp="$out/classes:$cp"
JAVA_OPTS=(-Xmx4g -Dfile.encoding=UTF-8)

plan="$data/PLAN.shp"
nplan=$(ogrinfo -ro -so -al "$plan" 2>/dev/null | awk -F': ' '/Feature Count/ { print $2 }')
if [ "${nplan:-0}" -lt 5000 ]; then
  plan="$data/PLAN_BENCH.shp"
  [ -f "$plan" ] || java "${JAVA_OPTS[@]}" -cp "$jcp" MakeBenchPlan "$data" 6000
fi
dltb="$data/DLTB.shp"; pbf="$data/YJJBNTTB.shp"

results="$out/results.tsv"
[ -f "$results" ] || printf 'tool\trun\twall_s\tcpu_s\tmax_rss_mb\tload1\n' >"$results"
measure() { # measure TOOL RUN CMD… → appends a row; stdout to $out/TOOL-RUN.log
  local tool="$1" run="$2"; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "[$(date -u +%H:%M:%S)] $tool run $run (load $load)" >&2
  /usr/bin/time -v -o "$out/$tool-$run.time" "$@" >"$out/$tool-$run.log" 2>&1 || { echo "$tool failed:" >&2; tail -5 "$out/$tool-$run.log" >&2; return 1; }
  awk -v tool="$tool" -v run="$run" -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    /^server_cpu_s=/ { split($0, q, "="); cpu += q[2] } # PostgreSQL server CPU (bench/pg-query.sh)
    END { printf "%s\t%s\t%.2f\t%.2f\t%.0f\t%s\n", tool, run, wall, cpu, rss, load }' "$out/$tool-$run.time" "$out/$tool-$run.log" >>"$results"
}

# PostGIS: started by the scale branch's scripts/postgis-up.sh (own state dir, so other sessions' clusters
# are left alone); loaded once with ogr2ogr (timed separately, as postgis-redline.sh --loader ogr2ogr does).
if [[ " $tools " == *" postgis "* ]]; then
  export LANDLEDGER_PG_STATE="${LANDLEDGER_PG_STATE:-/tmp/landledger-pg-bench}"
  url="$(scripts/postgis-up.sh)"
  rest="${url#pg:postgresql://}"; params="${rest#*\?}"; rest="${rest%%\?*}"
  export PGDATABASE="${rest#*/}"; auth="${rest%%/*}"; export PGUSER="${auth%%@*}"; hp="${auth#*@}"
  export PGHOST="${hp%%:*}" PGPORT="${hp##*:}"; export PGPASSWORD="$(head -n1 "${params#password-file=}")"
  export PGOPTIONS="-c client_min_messages=warning"
  psql -X -q -c "CREATE SCHEMA IF NOT EXISTS redbench" >/dev/null
  pgload() { # SRC TABLE
    ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=$PGUSER" "$1" \
      -nln "redbench.$2" -overwrite -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=ogc_fid -nlt PROMOTE_TO_MULTI \
      -lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES
    psql -X -q -c "ANALYZE redbench.\"$2\""
  }
  export -f pgload
  if [ "${PG_REUSE:-0}" = 1 ] && psql -X -qAt -c "SELECT count(*) FROM redbench.plan" >/dev/null 2>&1; then
    echo "reusing loaded tables (PG_REUSE=1)" >&2
  else
  measure pgload-dltb 1 bash -c 'pgload "$0" "$1"' "$dltb" dltb
  measure pgload-pbf 1 bash -c 'pgload "$0" "$1"' "$pbf" pbf
  measure pgload-plan 1 bash -c 'pgload "$0" "$1"' "$plan" plan
  fi
fi

for i in $(seq 1 "$runs"); do
  for t in $tools; do
    case "$t" in
      ours)
        measure ours-planar "$i" ./landledger redline --landuse "$dltb" --permanent-farmland "$pbf" --plan "$plan" \
          --plan-id-field BSM --area planar --lang en --out "$out/ours-planar-$i"
        measure ours-ellipsoidal "$i" ./landledger redline --landuse "$dltb" --permanent-farmland "$pbf" --plan "$plan" \
          --plan-id-field BSM --area ellipsoidal --lang en --out "$out/ours-ellipsoidal-$i" ;;
      floor)
        measure floor-planar "$i" java "${JAVA_OPTS[@]}" -cp "$jcp" RedlineFloor "$dltb" "$pbf" "$plan" planar 2 "$out/floor-planar.csv"
        measure floor-ellipsoidal "$i" java "${JAVA_OPTS[@]}" -cp "$jcp" RedlineFloor "$dltb" "$pbf" "$plan" ellipsoidal 2 "$out/floor-ellipsoidal.csv" ;;
      geopandas)
        measure geopandas "$i" "$PY" bench/geopandas_redline.py "$dltb" "$pbf" "$plan" "$out/geopandas.csv" ;;
      ogr-sqlite) # GDAL/OGR SQLite dialect over one GeoPackage (conversion timed once, as the PostGIS load)
        [ "$i" = 1 ] && measure ogr-convert 1 env STEP=convert bench/ogr-sqlite-redline.sh "$data" "$out/ogr" "$(basename "$plan" .shp)"
        measure ogr-sqlite-query "$i" env STEP=query bench/ogr-sqlite-redline.sh "$data" "$out/ogr" "$(basename "$plan" .shp)"
        cp "$out/ogr/ogr-sqlite.csv" "$out/ogr-sqlite.csv" ;;
      postgis)
        measure postgis-query "$i" bench/pg-query.sh "$out/postgis.csv" ;;
    esac
  done
done
cp "$out/ours-planar-1/redline.csv" "$out/ours-planar.csv" 2>/dev/null || true
cp "$out/ours-ellipsoidal-1/redline.csv" "$out/ours-ellipsoidal.csv" 2>/dev/null || true
python3 bench/summarize.py "$out" "$plan" | tee "$out/report.md"
