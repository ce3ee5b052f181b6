#!/usr/bin/env bash
# Load test on loopback: GetMap 256×256 PNG tiles (EPSG:3857, ~2 km across) on a county-scale land-use
# layer (N×N squares, default 300×300 = 90 000 polygons), LandLedger vs MapServer 8 (Debian's mapserv
# as FastCGI under lighttpd, same shapefile with a shptree index, equivalent class colours). Bounded:
# REQUESTS per server (default 400) at CONCURRENCY (default 4). Prints JSON lines; see the root BENCHMARKS.md.
# Usage: server/src/test/e2e/bench.sh [N] [REQUESTS] [CONCURRENCY]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
n="${1:-300}"; requests="${2:-400}"; conc="${3:-4}"
need=()
command -v ogr2ogr >/dev/null || need+=(gdal-bin)
[ -x /usr/lib/cgi-bin/mapserv ] || need+=(cgi-mapserver)
command -v shptree >/dev/null || need+=(mapserver-bin)
command -v lighttpd >/dev/null || need+=(lighttpd)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "${LANDLEDGER_SKIP_BUILD:-0}" != "1" ]; then
  (cd "$root" && ./mvnw -q -B -pl cli -am package -DskipTests)
fi
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
. "$here/serve_lib.sh"

/usr/bin/python3 "$here/make_data.py" "$work/gen" "$n"
mkdir -p "$work/data"
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$work/data/DLTB.shp" "$work/gen/DLTB.geojson"
shptree "$work/data/DLTB.shp" >/dev/null

# Extent in EPSG:3857 of the grid (x0 = 39 500 000, y0 = 4 000 000, 100 m pitch).
read -r minx miny maxx maxy < <(/usr/bin/python3 - "$n" <<'PY'
import subprocess, sys
n = int(sys.argv[1]); x0, y0 = 39500000, 4000000; x1, y1 = x0 + 100 * n, y0 + 100 * n
out = subprocess.run(["gdaltransform", "-s_srs", "EPSG:4527", "-t_srs", "EPSG:3857"], input="%d %d\n%d %d\n" % (x0, y0, x1, y1),
                     capture_output=True, text=True, check=True).stdout.split()
print(out[0], out[1], out[3], out[4])
PY
)
tile=2000

# --- LandLedger ---
lp="$(free_port)"
LANDLEDGER_SKIP_BUILD=1 "$root/landledger" serve --data "$work/data" --port "$lp" >"$work/ll.log" 2>&1 &
pids+=($!)
t0=$(date +%s.%N)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$lp/ogcapi" >/dev/null 2>&1 && break; sleep 0.5; done
t1=$(date +%s.%N)
echo "{\"server\": \"landledger startup\", \"features\": $((n * n)), \"seconds_to_first_response\": $(echo "$t1 - $t0" | bc)}"
/usr/bin/python3 "$here/loadtest.py" landledger \
  "http://127.0.0.1:$lp/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE" \
  "$minx" "$miny" "$maxx" "$maxy" "$tile" "$requests" "$conc"

# --- MapServer (FastCGI under lighttpd) ---
classes=""
while IFS=, read -r g r gg b; do
  classes+="    CLASS EXPRESSION /^${g}/ STYLE COLOR $r $gg $b OUTLINECOLOR 80 80 80 WIDTH 0.5 END END"$'\n'
done <<'COL'
01,255,255,100
02,255,180,140
03,60,180,60
04,200,230,120
05,255,90,90
06,180,130,100
07,255,170,60
08,255,140,220
09,90,140,90
10,180,180,180
11,120,180,255
12,220,220,200
COL
cat >"$work/bench.map" <<MAPFILE
MAP
  NAME "bench"
  EXTENT 39500000 4000000 $((39500000 + 100 * n)) $((4000000 + 100 * n))
  SIZE 256 256
  SHAPEPATH "$work/data"
  PROJECTION "init=epsg:4527" END
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGBA TRANSPARENT ON EXTENSION "png" END
  WEB METADATA "wms_title" "bench" "wms_srs" "EPSG:4527 EPSG:3857 EPSG:4326" "wms_enable_request" "*" END END
  LAYER
    NAME "DLTB" TYPE POLYGON STATUS ON DATA "DLTB"
    PROJECTION "init=epsg:4527" END
    METADATA "wms_title" "DLTB" END
    CLASSITEM "DLBM"
$classes  END
END
MAPFILE
printf 'CONFIG\n  ENV\n    MS_MAPFILE "%s"\n  END\nEND\n' "$work/bench.map" >"$work/mapserver.conf"
mp="$(free_port)"
cat >"$work/lighttpd.conf" <<CONF
server.document-root = "$work"
server.bind = "127.0.0.1"
server.port = $mp
server.errorlog = "$work/lighttpd.err"
server.modules = ("mod_fastcgi")
fastcgi.server = ("/mapserv" => ((
  "bin-path" => "/usr/lib/cgi-bin/mapserv", "socket" => "$work/ms.sock", "max-procs" => 2, "check-local" => "disable",
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "$work/mapserver.conf")
)))
CONF
lighttpd -D -f "$work/lighttpd.conf" &
pids+=($!)
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$mp/mapserv?SERVICE=WMS&REQUEST=GetCapabilities" >/dev/null 2>&1 && break; sleep 0.5; done
/usr/bin/python3 "$here/loadtest.py" mapserver \
  "http://127.0.0.1:$mp/mapserv?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE" \
  "$minx" "$miny" "$maxx" "$maxy" "$tile" "$requests" "$conc"
