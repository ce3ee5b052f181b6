#!/usr/bin/env bash
# End-to-end tests of the LandLedger server with real clients, on loopback:
#   GDAL (ogrinfo WFS:, ogr2ogr, gdal_translate WMS:), OWSLib (Debian python3-owslib), the README curl session
#   (api_session.sh: upload, run, poll, view), and the map viewer in
#   Debian's headless Chromium driven by playwright-core (npm). Installs what it needs (apt, npm), builds the
#   CLI, generates a small data folder, starts `landledger serve` on a free port and stops it at the end.
# Artefacts (screenshot, outputs) go to server/target/e2e/. Usage: server/src/test/e2e/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$root/server/target/e2e"
mkdir -p "$out"

need=()
command -v ogrinfo >/dev/null || need+=(gdal-bin)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import owslib' 2>/dev/null || need+=(python3-owslib)
command -v chromium >/dev/null || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
command -v zip >/dev/null || need+=(zip)
command -v openssl >/dev/null || need+=(openssl)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)  # Chinese glyphs for the browser and legends
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e: installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -d "$out/node/node_modules/playwright-core" ]; then
  mkdir -p "$out/node"
  (cd "$out/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null)
fi

if [ "${LANDLEDGER_SKIP_BUILD:-0}" != "1" ]; then
  (cd "$root" && ./mvnw -q -B -pl cli -am package -DskipTests)
fi

data="$(mktemp -d)"
/usr/bin/python3 "$here/make_data.py" "$data" 10
# An analysis run served as a layer group: the red-line check on the same grid.
/usr/bin/python3 "$here/make_redline_inputs.py" "$data"
LANDLEDGER_SKIP_BUILD=1 "$root/landledger" redline --landuse "$data/DLTB.geojson" --permanent-farmland "$data/PBF.geojson" \
  --plan "$data/PLAN.geojson" --out "$data/redline_run" >"$out/redline.log" 2>&1 || { cat "$out/redline.log"; echo "e2e: redline failed" >&2; exit 1; }
. "$here/serve_lib.sh"
port="$(free_port)"
base="http://127.0.0.1:$port"
LANDLEDGER_SKIP_BUILD=1 "$root/landledger" serve --data "$data" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
wait_ready "$base" "$pid" "$out/serve.log" || exit 1

fail() { echo "e2e FAILED: $*" >&2; exit 1; }

# --- The red-line run is served with its styles: parcels by status, conflicts hatched, summary attached ---
curl -sf "$base/viewer/layers.json" >"$out/layers.json" || fail "layers.json"
/usr/bin/python3 - "$out/layers.json" <<'PY' || fail "red-line run layers"
import json, sys
d = json.load(open(sys.argv[1]))
by = {l["name"]: l for l in d["layers"]}
assert by["parcels"]["style"] == "redline-status" and by["parcels"]["group"] == "redline_run", by.get("parcels")
assert by["conflicts"]["style"] == "conflict" and by["conflicts"]["legend"][0]["hatch"] == "diagonal", by.get("conflicts")
assert "redline.json" in d["summaries"]["redline_run"], d["summaries"].keys()
print("red-line run: parcels (%d) by status, conflicts (%d) hatched, summary attached" % (by["parcels"]["features"], by["conflicts"]["features"]))
PY
curl -sf "$base/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ll:parcels&OUTPUTFORMAT=json&CQL_FILTER=status%3D%27FAIL%27" \
  | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); assert d['numberMatched'] == 1, d['numberMatched']; print('WFS: 1 FAIL parcel')" \
  || fail "FAIL parcel via WFS"

# --- GDAL WFS driver ---
ogrinfo -ro -so "WFS:$base/ows?SERVICE=WFS" DLTB >"$out/ogrinfo.txt" 2>&1 || { cat "$out/ogrinfo.txt"; fail "ogrinfo WFS"; }
grep -q "Feature Count: 100" "$out/ogrinfo.txt" || { cat "$out/ogrinfo.txt"; fail "ogrinfo feature count"; }
ogr2ogr -f GeoJSON "$out/wfs_0101.geojson" "WFS:$base/ows?SERVICE=WFS" DLTB -where "DLBM = '0101'" 2>"$out/ogr2ogr.err" \
  || { cat "$out/ogr2ogr.err"; fail "ogr2ogr WFS"; }
n=$(/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['features'])); assert all(f['properties']['DLMC']=='水田' for f in d['features'])" "$out/wfs_0101.geojson") \
  || fail "ogr2ogr output"
[ "$n" -eq 13 ] || fail "ogr2ogr 0101 count $n (expected 13)"
echo "GDAL WFS: ogrinfo 100 features, ogr2ogr DLBM='0101' → $n features with 水田"

# --- GDAL WMS driver ---
gdalinfo "WMS:$base/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities" >"$out/gdalinfo_wms.txt" 2>&1 || { cat "$out/gdalinfo_wms.txt"; fail "gdalinfo WMS"; }
sub=$(grep -o 'SUBDATASET_[0-9]*_NAME=WMS:[^ ]*LAYERS=DLTB[^ ]*' "$out/gdalinfo_wms.txt" | head -1 | sed 's/^SUBDATASET_[0-9]*_NAME=//')
[ -n "$sub" ] || { cat "$out/gdalinfo_wms.txt"; fail "no DLTB subdataset"; }
gdal_translate -q -of PNG -outsize 256 256 "$sub" "$out/gdal_wms.png" 2>"$out/gdal_translate.err" || { cat "$out/gdal_translate.err"; fail "gdal_translate WMS"; }
gdalinfo -stats "$out/gdal_wms.png" >"$out/gdal_wms_stats.txt" 2>&1
grep -q "Size is 256, 256" "$out/gdal_wms_stats.txt" || fail "gdal_translate size"
echo "GDAL WMS: gdal_translate 256×256 PNG from $sub"

# --- OWSLib ---
/usr/bin/python3 "$here/owslib_check.py" "$base" || fail "OWSLib"

# --- Browser ---
(cd "$out/node" && cp "$here/browser_check.mjs" . && node browser_check.mjs "$base" "$out/viewer.png") || fail "browser"

# --- The README's HTTP session: upload, run, poll, view (its own server with --state and a token) ---
"$here/api_session.sh" "$out" || fail "api session"

echo "e2e: all passed (artefacts in $out)"
