#!/usr/bin/env bash
# Benchmark: the red-line overlay in PostGIS (ST_Intersects join + ST_Intersection/ST_Area), with load
# time reported separately. Inputs are any layers LandLedger reads (shapefile, file.gpkg#table, GeoJSON).
#
#   bench/postgis-redline.sh --landuse DLTB.shp --plan plan.shp [--runs 5] [--loader landledger|ogr2ogr]
#                            [--pg-url pg:postgresql://user@host:port/db?password-file=…] [--keep]
#
# Without --pg-url (or LANDLEDGER_PG_URL) a local PostGIS is started with scripts/postgis-up.sh. Tables go
# to schema "bench" (replaced each run; dropped at the end unless --keep). Prints a Markdown report: the
# machine, versions, load seconds per layer, query seconds per run and their median, and the totals
# (plans, overlap m², farmland m²) to check against LandLedger's own red-line numbers.
set -euo pipefail
cd "$(dirname "$0")/.."

landuse="" plan="" runs=5 loader=landledger url="${LANDLEDGER_PG_URL:-}" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --landuse) landuse="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --loader) loader="$2"; shift 2 ;;
    --pg-url) url="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$landuse" ] && [ -n "$plan" ] || { echo "need --landuse and --plan (see --help)" >&2; exit 2; }
case "$loader" in landledger|ogr2ogr) ;; *) echo "--loader must be landledger or ogr2ogr" >&2; exit 2 ;; esac
[ -n "$url" ] || url="$(scripts/postgis-up.sh)"

# pg:postgresql://user@host:port/db?password-file=F → libpq settings (the password via PGPASSWORD only).
rest="${url#pg:postgresql://}"; rest="${rest%%#*}"
params=""; case "$rest" in *\?*) params="${rest#*\?}"; rest="${rest%%\?*}" ;; esac
db="${rest#*/}"; auth="${rest%%/*}"
PGUSER="${auth%%@*}"; hostport="${auth#*@}"; [ "$PGUSER" != "$auth" ] || PGUSER="$(id -un)"
PGHOST="${hostport%%:*}"; PGPORT=5432; [ "$hostport" = "$PGHOST" ] || PGPORT="${hostport##*:}"
PGDATABASE="$db"
for kv in ${params//&/ }; do
  case "$kv" in password-file=*) PGPASSWORD="$(head -n1 "${kv#password-file=}")"; export PGPASSWORD ;; esac
done
export PGUSER PGHOST PGPORT PGDATABASE
export PGOPTIONS="-c client_min_messages=warning"
base="pg:postgresql://$PGUSER@$PGHOST:$PGPORT/$PGDATABASE?schema=bench"
[ -z "$params" ] || base="$base&$params"

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

psql_q -c "CREATE SCHEMA IF NOT EXISTS bench" >/dev/null

load() { # load SOURCE TABLE → seconds
  local t0 t1
  t0=$(now)
  if [ "$loader" = landledger ]; then
    ./landledger copy "$1" "$base#$2" >&2
  else
    local src="$1" layer=()
    case "$src" in *\#*) layer=("${src#*#}"); src="${src%%#*}" ;; esac
    ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=$PGUSER" "$src" "${layer[@]}" \
      -nln "bench.$2" -overwrite -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=ogc_fid -nlt PROMOTE_TO_MULTI >&2
    psql_q -c "ANALYZE bench.\"$2\"" >/dev/null
  fi
  t1=$(now)
  secs "$t0" "$t1"
}

./landledger --version >/dev/null 2>&1 || true # build once, outside the timings
load_landuse=$(load "$landuse" dltb)
load_plan=$(load "$plan" plan)
n_dltb=$(psql_q -At -c 'SELECT count(*) FROM bench.dltb')
n_plan=$(psql_q -At -c 'SELECT count(*) FROM bench.plan')

times=()
totals=""
for i in $(seq 1 "$runs"); do
  t0=$(now)
  totals=$(psql_q -At -F ' | ' -v plan='bench.plan' -v dltb='bench.dltb' -f bench/postgis/redline.sql)
  t1=$(now)
  times+=("$(secs "$t0" "$t1")")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')

echo "## PostGIS red-line overlay — $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "- $(psql_q -At -c 'SELECT version()' | cut -d, -f1); PostGIS $(psql_q -At -c 'SELECT postgis_lib_version()')"
echo "- inputs: landuse \`$landuse\` ($n_dltb features), plan \`$plan\` ($n_plan features); loader: $loader"
echo
echo "| step | seconds |"
echo "| --- | --- |"
echo "| load landuse | $load_landuse |"
echo "| load plan | $load_plan |"
for i in "${!times[@]}"; do echo "| query run $((i + 1)) | ${times[$i]} |"; done
echo "| **query median of $runs** | **$median** |"
echo
echo "Totals (plans | overlap m² | farmland m², planar): $totals"

[ "$keep" = 1 ] || psql_q -c "DROP SCHEMA bench CASCADE" >/dev/null
