#!/usr/bin/env bash
# Shapefile reading and box queries: LandLedger's reader (bench/java/ShapefileQueryBench.java: open, read all with
# and without fields, a 2 km box around the centre, its count) against GDAL/OGR (bench/ogr_shp_query.py), each
# with its own index (ours: .llidx built on the first box query; GDAL: none, then a .qix from MapServer's shptree,
# which ours then reads too). Optionally the reader of an older build (BEFORE_CORE_JAR=path/to/landledger-core.jar).
# Rounds are interleaved; every process runs under /usr/bin/time -v (wall, CPU, peak RSS) with the load average.
#
#   bench/run-shp-query.sh DATA_DIR [OUT_DIR=/tmp/bench-shp-query] [ROUNDS=3]
#
# DATA_DIR/DLTB.{shp,shx,dbf,prj,cpg} are copied to OUT_DIR (the sample folders are read-only).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"; data="$(cd "$1" && pwd)"; out="${2:-/tmp/bench-shp-query}"; rounds="${3:-3}"
PY=/usr/bin/python3
$PY -c 'from osgeo import ogr' 2>/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-gdal >&2
command -v shptree >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q mapserver-bin >&2
[ -f cli/target/landledger-cli.jar ] || ./mvnw -q -o -DskipTests package
cp="$root/cli/target/landledger-cli.jar:$root/cli/target/lib/*"
mkdir -p "$out/classes"; javac -nowarn -d "$out/classes" -cp "$cp" bench/java/ShapefileQueryBench.java
rm -rf "$out/plain" "$out/qix"; mkdir -p "$out/plain" "$out/qix"
for e in shp shx dbf prj cpg; do cp "$data/DLTB.$e" "$out/plain/"; cp "$data/DLTB.$e" "$out/qix/"; done
shptree "$out/qix/DLTB.shp" >/dev/null
results="$out/results.tsv"
printf 'round\twhat\tstep\tfeatures\twall_s\tcpu_s\tload1\n' >"$results"
measure() { # ROUND NAME CMD…
  local round="$1" name="$2"; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$out/$name-$round.time" "$@" >"$out/$name-$round.log" 2>&1
  grep -P '^run \d' "$out/$name-$round.log" | awk -F'\t' -v r="$round" -v n="$name" -v l="$load" \
    '{ split($4, w, " "); split($5, c, " "); printf "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\n", r, n, $1, $2, $3, w[1], c[1], l }' >>"$results"
  awk -v n="$name" -F': ' '/Maximum resident set size/ { printf "%s: peak RSS %.0f MB\n", n, $2 / 1024 }' "$out/$name-$round.time"
}
for r in $(seq 1 "$rounds"); do
  rm -f "$out/plain/DLTB.llidx"   # round by round the first box query builds our index again
  measure "$r" ours java -Xmx1g -cp "$out/classes:$cp" ShapefileQueryBench "$out/plain/DLTB.shp" 2
  measure "$r" ours-qix java -Xmx1g -cp "$out/classes:$cp" ShapefileQueryBench "$out/qix/DLTB.shp" 2
  if [ -n "${BEFORE_CORE_JAR:-}" ]; then
    measure "$r" before java -Xmx1g -cp "$out/classes:$BEFORE_CORE_JAR:$cp" ShapefileQueryBench "$out/plain/DLTB.shp" 2
  fi
  measure "$r" gdal $PY bench/ogr_shp_query.py "$out/plain/DLTB.shp" 2
  measure "$r" gdal-qix $PY bench/ogr_shp_query.py "$out/qix/DLTB.shp" 2
done
echo; column -t -s $'\t' "$results"
