#!/usr/bin/env bash
# The README's HTTP session for real, with curl: upload a zipped plan, run the red-line check on it, poll,
# then find the run's layers in WMS/WFS/OGC API and download its results. Called by run.sh (after the build).
# Usage: server/src/test/e2e/api_session.sh OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="${1:-$root/server/target/e2e}/api"
rm -rf "$out" && mkdir -p "$out"
fail() { echo "e2e api FAILED: $*" >&2; exit 1; }

work="$(mktemp -d)"
LANDLEDGER_SKIP_BUILD=1 "$root/landledger" samples --out "$work/county" >"$out/samples.log" 2>&1 || { cat "$out/samples.log"; fail "samples"; }
openssl rand -hex 24 >"$work/token" && chmod 600 "$work/token"
T=$(cat "$work/token")
. "$here/serve_lib.sh"
port="$(free_port)"
B="http://127.0.0.1:$port"
# The plan is uploaded, not served from --data: move it out of the served folder first.
mkdir -p "$work/upload" && mv "$work"/county/PLAN.* "$work/upload/"
LANDLEDGER_SKIP_BUILD=1 "$root/landledger" serve --data "$work/county" --state "$work/state" --token-file "$work/token" \
  --workers 1 --run-memory 1g --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
wait_ready "$B" "$pid" "$out/serve.log" || fail "server did not start"

# 0. writes need the token
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/zip' --data-binary @/dev/null "$B/api/uploads?name=x")
[ "$code" = 401 ] || fail "upload without token answered $code, expected 401"

# 1. upload
(cd "$work/upload" && zip -q "$work/plan.zip" PLAN.shp PLAN.shx PLAN.dbf PLAN.prj PLAN.cpg)
curl -sf -H "Authorization: Bearer $T" -H 'Content-Type: application/zip' --data-binary @"$work/plan.zip" \
  "$B/api/uploads?name=plan2026" >"$out/upload.json" || fail "upload"
/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['dataset']=='plan2026' and d['layers'][0]['name']=='plan2026_PLAN', d" "$out/upload.json" \
  || fail "upload answer"

# 2. run
curl -sf -H "Authorization: Bearer $T" -H 'Content-Type: application/json' "$B/api/runs" -d '{
  "analysis": "redline",
  "inputs": {"landuse": "DLTB", "permanentFarmland": "YJJBNTTB", "ecoRedline": "STBHHX",
             "devBoundary": "CZKFBJ", "xzq": "XZQ", "plan": "plan2026_PLAN"},
  "params": {"planIdField": "BSM"}}' >"$out/run.json" || fail "run"
id=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$out/run.json")

# 3. poll
status=queued
for _ in $(seq 1 600); do
  curl -sf "$B/api/runs/$id" >"$out/status.json" || fail "poll"
  status=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['status'])" "$out/status.json")
  case "$status" in done|failed|cancelled) break ;; esac
  sleep 1
done
[ "$status" = done ] || { cat "$out/status.json" >&2; fail "run $id ended $status"; }

# 4. view: the run's layers are served, its results download, and the summary matches the downloaded JSON
# (to a file first: with pipefail, grep -q closing the pipe early would fail curl with SIGPIPE)
curl -sf -o "$out/wms.xml" "$B/ows?SERVICE=WMS&REQUEST=GetCapabilities" || fail "WMS GetCapabilities"
grep -q "<Name>redline_${id}_parcels</Name>" "$out/wms.xml" || fail "WMS capabilities lack redline_${id}_parcels"
curl -sf -o "$out/wfs.xml" "$B/ows?SERVICE=WFS&REQUEST=GetCapabilities" || fail "WFS GetCapabilities"
grep -q "redline_${id}_parcels" "$out/wfs.xml" || fail "WFS capabilities lack redline_${id}_parcels"
curl -sf "$B/ogcapi/collections/redline_${id}_parcels/items?limit=100" >"$out/items.json" || fail "OGC API items"
curl -sf -o "$out/redline.json" "$B/api/runs/$id/files/redline.json" || fail "download redline.json"
curl -sf -o "$out/redline.gpkg" "$B/api/runs/$id/files/redline.gpkg" || fail "download redline.gpkg"
/usr/bin/python3 - "$out" <<'PY' || fail "results"
import json, sys
o = sys.argv[1]
r = json.load(open(o + "/redline.json"))
items = json.load(open(o + "/items.json"))
st = json.load(open(o + "/status.json"))
parcels = len(r["parcels"])
assert items["numberMatched"] == parcels, (items["numberMatched"], parcels)
assert st["progress"] == 1, st["progress"]
assert open(o + "/redline.gpkg", "rb").read(16) == b"SQLite format 3\x00"
print("api session: upload → run %s done, %d parcels served as redline_%s_parcels, results downloaded" % (st["id"], parcels, st["id"]))
PY
echo "e2e api: all passed"
