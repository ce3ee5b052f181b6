#!/usr/bin/env bash
# Benchmark: the DLTB overlay of a plan layer with LandUseOverlay (local engine) and with Sedona on Spark,
# checking both give the same areas by land-use code (exit 1 if not).
#
#   bench/sedona-overlay.sh --landuse DLTB.shp --plan plan.shp [--master 'local[2]'] [--mode ellipsoidal|planar]
#
# Builds the spark module once (its ~300 MB of Spark/Sedona jars come from Maven Central on first use) and
# runs org.landledger.spark.OverlayBench with the JVM flags Spark needs on Java 17. Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
landuse="" plan="" master="local[*]" mode=ellipsoidal
while [ $# -gt 0 ]; do
  case "$1" in
    --landuse) landuse="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$landuse" ] && [ -n "$plan" ] || { echo "need --landuse and --plan (see --help)" >&2; exit 2; }
cp_file=spark/target/bench-classpath.txt
if [ ! -f spark/target/classes/org/landledger/spark/OverlayBench.class ] || [ ! -f "$cp_file" ]; then
  # One reactor run: each module writes the file, the spark module last (core resolved from the reactor).
  ./mvnw -q -B -Pspark -pl spark -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
. scripts/spark-opens.sh
opens="$SPARK_OPENS"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx4g} $opens -Dfile.encoding=UTF-8 -Dlog4j2.level=warn \
  -cp "spark/target/classes:$(cat "$cp_file")" \
  org.landledger.spark.OverlayBench "$landuse" "$plan" "$master" "$mode"
