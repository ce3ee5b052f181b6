#!/usr/bin/env bash
# Runs every LandLedger test: the Maven suite (unit, integration, CLI end-to-end) on all modules.
# Anything a test needs beyond Maven Central is installed or started here.
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
# PostGIS for the pg: store tests: installed (apt) and started on a free loopback port when missing.
# A LANDLEDGER_PG_URL already set is used as is; LANDLEDGER_SKIP_POSTGIS=1 skips those tests (reported
# as skipped). Stop the server with scripts/postgis-up.sh --stop.
if [ -z "${LANDLEDGER_PG_URL:-}" ] && [ "${LANDLEDGER_SKIP_POSTGIS:-0}" != 1 ]; then
  LANDLEDGER_PG_URL="$(scripts/postgis-up.sh)"
  export LANDLEDGER_PG_URL
fi
./mvnw -B -ntp -Pspark verify "$@"

# Real clients against a live server on loopback: GDAL's WFS/WMS drivers, OWSLib and the viewer in headless
# Chromium (playwright-core). The script installs what it needs (apt, npm) and uses the jars just built.
LANDLEDGER_SKIP_BUILD=1 server/src/test/e2e/run.sh
# The Java notebooks, executed headless (installs Debian's jupyter packages and the kernel jar if missing);
# any cell error fails the run.
LANDLEDGER_SKIP_BUILD=1 notebooks/run.sh --setup
e2e=2

# Closing line: every Surefire test of every module, plus the end-to-end suites above (one each).
read -r run failed skipped < <(cat */target/surefire-reports/*.txt | awk '/Tests run:/ {
  gsub(",", ""); r += $3; f += $5 + $7; s += $9 } END { print r, f, s }')
echo "landledger: $((run - failed - skipped + e2e)) passed, $failed failed, $skipped skipped"
