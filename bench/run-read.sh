#!/usr/bin/env bash
# Read throughput and peak RSS: streams DLTB as shapefile and as GeoPackage with LandLedger's
# Layers.open(...).features() (bench/java/ReadThroughput.java, 3 passes in one JVM), and reads the same with
# geopandas.read_file (into memory, as GeoPandas does) as a peer. Every process under /usr/bin/time -v.
#
#   bench/run-read.sh DATA_DIR [OUT_DIR=/tmp/bench-read]
#
# The GeoPackage copy DATA_DIR/DLTB.gpkg is made once with ogr2ogr when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"; data="$(cd "$1" && pwd)"; out="${2:-/tmp/bench-read}"
PY=/usr/bin/python3
mkdir -p "$out"
command -v ogr2ogr >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdal-bin >&2
$PY -c 'import geopandas' 2>/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-geopandas >&2
[ -f cli/target/landledger-cli.jar ] || ./mvnw -q -o -DskipTests package
cp="$root/cli/target/landledger-cli.jar:$root/cli/target/lib/*"
mkdir -p "$out/classes"; javac -nowarn -d "$out/classes" -cp "$cp" bench/java/ReadThroughput.java
[ -f "$data/DLTB.gpkg" ] || ogr2ogr -f GPKG "$data/DLTB.gpkg" "$data/DLTB.shp" -nln DLTB
results="$out/results.tsv"
printf 'what\twall_s\tcpu_s\tmax_rss_mb\tload1\n' >"$results"
measure() { # NAME CMD…
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1
  awk -v n="$name" -v load="$load" -F': ' '
    /Elapsed \(wall clock\)/ { k = split($2, p, ":"); wall = (k == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%s\t%.2f\t%.2f\t%.0f\t%s\n", n, wall, cpu, rss, load }' "$out/$name.time" >>"$results"
  echo "== $name"; cat "$out/$name.log"
}
measure ours-shp java -Xmx4g -cp "$out/classes:$cp" ReadThroughput "$data/DLTB.shp" 3
measure ours-gpkg java -Xmx4g -cp "$out/classes:$cp" ReadThroughput "$data/DLTB.gpkg#DLTB" 3
measure ours-shp-512m java -Xmx512m -cp "$out/classes:$cp" ReadThroughput "$data/DLTB.shp" 1
measure geopandas-shp $PY bench/geopandas_read.py "$data/DLTB.shp"
measure geopandas-gpkg $PY bench/geopandas_read.py "$data/DLTB.gpkg" DLTB
echo; column -t "$results"
