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
