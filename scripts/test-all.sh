#!/usr/bin/env bash
# Runs every LandLedger test: the Maven suite (unit, integration, CLI end-to-end) on all modules.
# Anything a test needs beyond Maven Central is installed or started here.
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
./mvnw -B -ntp verify "$@"
