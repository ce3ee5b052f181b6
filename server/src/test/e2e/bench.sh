#!/usr/bin/env bash
# WMS load on loopback, LandLedger vs MapServer 8 (Debian's mapserv as FastCGI ×2 under lighttpd, with a shptree
# .qix on the same shapefile and the same classes, colours and outlines — generated from LandLedger's own SLD),
# interleaved in one run: for every tile size and CRS, the same distinct random 256×256 PNG tiles of DLTB go to
# one server, then to the other (which one first alternates), CONCURRENCY clients each. Also measured: time from
# `landledger serve` to its first tile, its resident memory after start and after all tiles, server CPU seconds per
# row, the load average before each row, and (WFS=1, the default) GetFeature of the whole DLTB as GeoJSON and as
# GML streamed to /dev/null while the server's RSS is sampled.
#
# Usage: server/src/test/e2e/bench.sh [DATA_DIR | N] [REQUESTS] [CONCURRENCY] [ROUNDS]
#   DATA_DIR  a `landledger samples` folder (every layer in it is served, DLTB is drawn); copied to the work folder
#   N         instead: a synthetic N×N grid of land-use squares (make_data.py), the old smoke test (default 300)
#   REQUESTS  tiles per server per row (default 200; 6 rows → 1 200 tiles), CONCURRENCY clients (default 4),
#   ROUNDS    repetitions of the whole interleaved table (default 1)
# Environment: BENCH_WORK (work folder, default a new one under /tmp; reused when it holds data/), SCALES (tile
# sizes in ground metres, default "500 2000 8000"), CRSS (default "4527 3857"), LANDLEDGER_JAVA_OPTS (default
# -Xmx1g), SERVE_OPTS (more `serve` options, e.g. --tile-cache-mb 64), WFS (1/0), OUT (JSON lines, default
# WORK/results.jsonl). Prints JSON lines as it goes and a Markdown table at the end (see BENCHMARKS.md, "Server").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
src="${1:-300}"; requests="${2:-200}"; conc="${3:-4}"; rounds="${4:-1}"
scales="${SCALES:-500 2000 8000}"; crss="${CRSS:-4527 3857}"
need=()
command -v ogr2ogr >/dev/null || need+=(gdal-bin)
/usr/bin/python3 -c 'import osgeo.gdal' 2>/dev/null || need+=(python3-gdal)
[ -x /usr/lib/cgi-bin/mapserv ] || need+=(cgi-mapserver)
command -v shptree >/dev/null || need+=(mapserver-bin)
command -v lighttpd >/dev/null || need+=(lighttpd)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "${LANDLEDGER_SKIP_BUILD:-0}" != "1" ]; then
  (cd "$root" && ./mvnw -q -B -pl cli -am package -DskipTests)
fi
. "$here/serve_lib.sh"
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
out="${OUT:-$work/results.jsonl}"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# --- data: a copy of the samples folder (the .qix is written beside the shapefile), or the synthetic grid ---
if [ ! -f "$work/data/DLTB.shp" ]; then
  mkdir -p "$work/data"
  if [ -d "$src" ]; then
    cp -r "$src"/. "$work/data/"
    chmod -R u+w "$work/data"
  else
    /usr/bin/python3 "$here/make_data.py" "$work/gen" "$src"
    ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$work/data/DLTB.shp" "$work/gen/DLTB.geojson"
  fi
fi
[ -f "$work/data/DLTB.qix" ] || shptree "$work/data/DLTB.shp" >/dev/null

# --- extents: DLTB's own (EPSG:4527), and in EPSG:3857 the box inside it; tiles are sized in ground metres ---
read -r minx miny maxx maxy < <(ogrinfo -ro -so "$work/data/DLTB.shp" DLTB | sed -n 's/^Extent: (\([^,]*\), \([^)]*\)) - (\([^,]*\), \([^)]*\))/\1 \2 \3 \4/p')
read -r mminx mminy mmaxx mmaxy scale3857 < <(/usr/bin/python3 - "$minx" "$miny" "$maxx" "$maxy" <<'PY'
import math, subprocess, sys
x0, y0, x1, y1 = map(float, sys.argv[1:5])
def tr(pts, dst):
    out = subprocess.run(["gdaltransform", "-s_srs", "EPSG:4527", "-t_srs", dst], input="".join("%f %f\n" % p for p in pts),
                         capture_output=True, text=True, check=True).stdout.split()
    return [(float(out[3 * i]), float(out[3 * i + 1])) for i in range(len(pts))]
m = tr([(x0, y0), (x1, y0), (x0, y1), (x1, y1)], "EPSG:3857")
lat = tr([((x0 + x1) / 2, (y0 + y1) / 2)], "EPSG:4326")[0][1]
print(max(m[0][0], m[2][0]), max(m[0][1], m[1][1]), min(m[1][0], m[3][0]), min(m[2][1], m[3][1]), 1 / math.cos(math.radians(lat)))
PY
)

# --- LandLedger: time from start to its first tile ---
lp="$(free_port)"
t0=$(date +%s.%N)
LANDLEDGER_SKIP_BUILD=1 LANDLEDGER_JAVA_OPTS="${LANDLEDGER_JAVA_OPTS:--Xmx1g}" "$root/landledger" serve --data "$work/data" \
  --port "$lp" --max-count 1000000 ${SERVE_OPTS:-} >"$work/ll.log" 2>&1 &
llpid=$!
pids+=("$llpid")
ll="http://127.0.0.1:$lp/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
cx=$(echo "($minx + $maxx) / 2" | bc -l); cy=$(echo "($miny + $maxy) / 2" | bc -l)
first="$ll&CRS=EPSG:4527&BBOX=$(echo "$cy - 1000" | bc -l),$(echo "$cx - 1000" | bc -l),$(echo "$cy + 1000" | bc -l),$(echo "$cx + 1000" | bc -l)"
for _ in $(seq 1 1200); do
  curl -sf -o "$work/first.png" "$first" 2>/dev/null && break
  kill -0 "$llpid" 2>/dev/null || { cat "$work/ll.log" >&2; echo "bench: landledger died" >&2; exit 1; }
  sleep 0.05
done
t1=$(date +%s.%N)
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$1/status"; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
clk=$(getconf CLK_TCK)
echo "{\"server\": \"landledger\", \"seconds_to_first_tile\": $(echo "$t1 - $t0" | bc), \"rss_mb_after_start\": $(rss "$llpid"), \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$out"

# --- MapServer: the same classes, from LandLedger's SLD ---
curl -sf "http://127.0.0.1:$lp/styles/DLTB.sld" >"$work/DLTB.sld"
/usr/bin/python3 "$here/sld2map.py" "$work/DLTB.sld" >"$work/classes.map"
cat >"$work/bench.map" <<MAPFILE
MAP
  NAME "bench"
  EXTENT $minx $miny $maxx $maxy
  SIZE 256 256
  SHAPEPATH "$work/data"
  PROJECTION "init=epsg:4527" END
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGBA TRANSPARENT ON EXTENSION "png" END
  WEB METADATA "wms_title" "bench" "wms_srs" "EPSG:4527 EPSG:3857 EPSG:4326" "wms_enable_request" "*" END END
  LAYER
    NAME "DLTB" TYPE POLYGON STATUS ON DATA "DLTB"
    PROJECTION "init=epsg:4527" END
    METADATA "wms_title" "DLTB" END
$(cat "$work/classes.map")
  END
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
mspid=$!
pids+=("$mspid")
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$mp/mapserv?SERVICE=WMS&REQUEST=GetCapabilities" >/dev/null 2>&1 && break; sleep 0.5; done
ms="http://127.0.0.1:$mp/mapserv?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=DLTB&STYLES=&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
ms_ticks() { local t=0 p; for p in $mspid $(pgrep -P "$mspid"); do t=$((t + $(ticks "$p"))); done; echo "$t"; }

# --- the same tile from both, per CRS: how close the two renderings are ---
for crs in $crss; do
  if [ "$crs" = 4527 ]; then bb="$(echo "$cy - 1000" | bc -l),$(echo "$cx - 1000" | bc -l),$(echo "$cy + 1000" | bc -l),$(echo "$cx + 1000" | bc -l)"
  else read -r bb < <(echo "$cx $cy" | gdaltransform -s_srs EPSG:4527 -t_srs EPSG:3857 | awk -v h="$(echo "1000 * $scale3857" | bc -l)" '{printf "%f,%f,%f,%f\n", $1-h, $2-h, $1+h, $2+h}'); fi
  curl -sf -o "$work/same-ll-$crs.png" "$ll&CRS=EPSG:$crs&BBOX=$bb"
  curl -sf -o "$work/same-ms-$crs.png" "$ms&CRS=EPSG:$crs&BBOX=$bb"
  /usr/bin/python3 - "$work/same-ms-$crs.png" "$work/same-ll-$crs.png" "$crs" <<'PY' | tee -a "$out"
import json, sys
from osgeo import gdal
import numpy as np
def rgb_on_white(path):
    a = gdal.Open(path).ReadAsArray().astype(float)
    alpha = a[3] / 255 if a.shape[0] == 4 else 1
    return a[:3] * alpha + 255 * (1 - alpha)
ms, ll = rgb_on_white(sys.argv[1]), rgb_on_white(sys.argv[2])
lum = lambda x: float((0.299 * x[0] + 0.587 * x[1] + 0.114 * x[2]).mean())
print(json.dumps({"compare": "same 2 km tile, flattened on white", "crs": int(sys.argv[3]),
                  "mean_abs_diff": round(float(np.abs(ms - ll).mean()), 2), "share_pixels_within_16": round(float((np.abs(ms - ll).max(axis=0) <= 16).mean()), 3),
                  "mean_luminance_mapserver": round(lum(ms), 1), "mean_luminance_landledger": round(lum(ll), 1)}))
PY
done

# --- the interleaved table ---
row=0
for r in $(seq 1 "$rounds"); do
  for s in $scales; do
    for crs in $crss; do
      row=$((row + 1))
      if [ "$crs" = 4527 ]; then ext="$minx,$miny,$maxx,$maxy"; tile="$s"; nf=1
      else ext="$mminx,$mminy,$mmaxx,$mmaxy"; tile=$(echo "$s * $scale3857" | bc -l); nf=0; fi
      seed=$((1000 * r + row))
      order="landledger mapserver"; [ $((row % 2)) -eq 0 ] && order="mapserver landledger"
      for who in $order; do
        load="$(cut -d' ' -f1-3 /proc/loadavg)"
        if [ "$who" = landledger ]; then c0=$(ticks "$llpid"); url="$ll&CRS=EPSG:$crs"; else c0=$(ms_ticks); url="$ms&CRS=EPSG:$crs"; fi
        res=$(/usr/bin/python3 "$here/wms_load.py" "$who" "$url" "$crs" "$nf" "$ext" "$tile" "$requests" "$conc" "$seed")
        if [ "$who" = landledger ]; then c1=$(ticks "$llpid"); else c1=$(ms_ticks); fi
        echo "${res%\}}, \"ground_m\": $s, \"round\": $r, \"server_cpu_s\": $(echo "($c1 - $c0) / $clk" | bc -l | xargs printf '%.1f'), \"load_before\": \"$load\"}" | tee -a "$out"
      done
    done
  done
done
echo "{\"server\": \"landledger\", \"rss_mb_after_tiles\": $(rss "$llpid"), \"peak_rss_mb\": $(hwm "$llpid"), \"tiles\": $((row * requests + row * 10 + 1))}" | tee -a "$out"

# --- WFS: the whole DLTB streamed, RSS sampled while it is written ---
if [ "${WFS:-1}" = 1 ]; then
  for fmt in application/json "application/gml%2Bxml;%20version=3.2"; do
    before=$(rss "$llpid")
    peak=$before
    t0=$(date +%s.%N)
    curl -sf -o /dev/null -w '%{size_download}\n' "http://127.0.0.1:$lp/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ll:DLTB&COUNT=1000000&OUTPUTFORMAT=$fmt" >"$work/wfs.size" &
    cpid=$!
    while kill -0 "$cpid" 2>/dev/null; do r=$(rss "$llpid"); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.2; done
    wait "$cpid"
    t1=$(date +%s.%N)
    echo "{\"wfs\": \"$(echo "$fmt" | sed 's/%2B/+/; s/%20/ /')\", \"bytes\": $(cat "$work/wfs.size"), \"seconds\": $(echo "$t1 - $t0" | bc), \"rss_mb_before\": $before, \"rss_mb_peak_during\": $peak, \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" | tee -a "$out"
  done
fi

/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
runs = [r for r in rows if "req_per_s" in r]
print("\n| round | tile (ground) | CRS | server | req/s | p50 ms | p95 ms | errors | server CPU s | load before |")
print("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
for r in runs:
    print("| %d | %s m | %d | %s | %.1f | %.1f | %.1f | %d | %.1f | %s |" % (r["round"], r["ground_m"], r["crs"], r["server"],
          r["req_per_s"], r["p50_ms"], r["p95_ms"], r["errors"], r["server_cpu_s"], r["load_before"]))
print("\n| tile | CRS | LandLedger ÷ MapServer req/s | p95 LandLedger / MapServer |")
print("| ---: | ---: | ---: | --- |")
for r in runs:
    if r["server"] != "landledger":
        continue
    m = next(x for x in runs if x["server"] == "mapserver" and x["round"] == r["round"] and x["ground_m"] == r["ground_m"] and x["crs"] == r["crs"])
    print("| %s m | %d | %.2f× | %.0f / %.0f ms |" % (r["ground_m"], r["crs"], r["req_per_s"] / m["req_per_s"], r["p95_ms"], m["p95_ms"]))
PY
