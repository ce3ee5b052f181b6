#!/usr/bin/env bash
# Benchmark: the red-line plan-on-DLTB overlay on Sedona with the DLTB read by the Spark tasks in record ranges
# (org.landledger.spark.RangesOverlayBench; the driver never holds the DLTB), under /usr/bin/time -v.
#
#   bench/sedona-ranges.sh --landuse DLTB.shp --plan PLAN_BENCH.shp [--master 'local[2]'] [--per-task 50000] [--check]
#
# Prints the bench's Markdown row, then CPU s (user + sys), wall s and peak RSS from /usr/bin/time.
# Heap: BENCH_JAVA_OPTS (default -Xmx2g). --check: afterwards (outside the timings but inside the RSS), the local
# engine on the whole DLTB, areas by code compared exactly (exit 1 if not).
set -euo pipefail
cd "$(dirname "$0")/.."
landuse="" plan="" master="local[2]" per=50000 check=""
while [ $# -gt 0 ]; do
  case "$1" in
    --landuse) landuse="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    --per-task) per="$2"; shift 2 ;;
    --check) check=check; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$landuse" ] && [ -n "$plan" ] || { echo "need --landuse and --plan (see --help)" >&2; exit 2; }
cp_file=spark/target/bench-classpath.txt
if [ ! -f spark/target/classes/org/landledger/spark/RangesOverlayBench.class ] || [ ! -f "$cp_file" ]; then
  ./mvnw -q -B -Pspark -pl spark -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
. scripts/spark-opens.sh
opens="$SPARK_OPENS"
log=$(mktemp)
status=0
# shellcheck disable=SC2086
/usr/bin/time -v -o "$log" java ${BENCH_JAVA_OPTS:--Xmx2g} $opens -Dfile.encoding=UTF-8 -Dlog4j2.level=warn \
  -cp "spark/target/classes:$(cat "$cp_file")" \
  org.landledger.spark.RangesOverlayBench "$landuse" "$plan" "$master" "$per" ellipsoidal $check 2>/dev/null || status=$?
awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Elapsed \(wall/ {w=$2} /Maximum resident/ {r=$2}
  END {printf "CPU s %.1f, wall %s, peak RSS %.0f MiB\n", u+s, w, r/1024}' "$log"
rm -f "$log"
exit "$status"
