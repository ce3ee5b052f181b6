#!/usr/bin/env python3
"""Bounded loopback WMS load: GetMap 256×256 PNG tiles at random, distinct places inside an extent.

Usage: wms_load.py LABEL URL_PREFIX CRS_EPSG NORTH_FIRST MINX,MINY,MAXX,MAXY TILE N CONC SEED [WARMUP]
URL_PREFIX ends where '&BBOX=' is appended; the extent and TILE are in the CRS's units, x = east, y = north;
NORTH_FIRST=1 writes the BBOX northing first (WMS 1.3.0 with EPSG:4527 and the other GK zones). The N measured
tiles are distinct (no repeat, so no cache can serve them twice), WARMUP further ones (default 10, not measured)
come first. Prints one JSON line: requests, errors, p50/p95/max ms, req/s, wall s, mean PNG bytes."""
import http.client, json, random, statistics, sys, threading, time, urllib.parse

label, prefix, epsg, north_first = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
minx, miny, maxx, maxy = map(float, sys.argv[5].split(","))
tile, n, conc, seed = float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
warm = int(sys.argv[10]) if len(sys.argv) > 10 else 10
rnd = random.Random(seed)
seen, boxes = set(), []
while len(boxes) < n + warm:
    x = round(rnd.uniform(minx, maxx - tile), 3)
    y = round(rnd.uniform(miny, maxy - tile), 3)
    if (x, y) in seen:
        continue
    seen.add((x, y))
    bb = (y, x, y + tile, x + tile) if north_first else (x, y, x + tile, y + tile)
    boxes.append(prefix + "&BBOX=%.3f,%.3f,%.3f,%.3f" % bb)
warmups, urls = boxes[:warm], boxes[warm:]
u = urllib.parse.urlsplit(prefix)
lat, sizes, errors, lock, idx = [], [], [0], threading.Lock(), [0]


def fetch(conn, url):
    s = urllib.parse.urlsplit(url)
    conn.request("GET", s.path + "?" + s.query)
    r = conn.getresponse()
    body = r.read()
    return r.status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n", len(body)


def worker():
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    while True:
        with lock:
            if idx[0] >= len(urls):
                break
            url = urls[idx[0]]
            idx[0] += 1
        t0 = time.perf_counter()
        try:
            ok, size = fetch(conn, url)
        except Exception:
            ok, size = False, 0
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        dt = (time.perf_counter() - t0) * 1000
        with lock:
            lat.append(dt)
            sizes.append(size)
            if not ok:
                errors[0] += 1
    conn.close()


for url in warmups:
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    fetch(c, url)
    c.close()
t0 = time.perf_counter()
ts = [threading.Thread(target=worker) for _ in range(conc)]
[t.start() for t in ts]
[t.join() for t in ts]
wall = time.perf_counter() - t0
lat.sort()
print(json.dumps({"server": label, "crs": epsg, "tile": tile, "requests": len(lat), "concurrency": conc,
                  "errors": errors[0], "p50_ms": round(statistics.median(lat), 1),
                  "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1), "max_ms": round(lat[-1], 1),
                  "req_per_s": round(len(lat) / wall, 1), "wall_s": round(wall, 2),
                  "mean_png_bytes": int(statistics.mean(sizes)) if sizes else 0}))
