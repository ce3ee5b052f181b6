#!/usr/bin/env python3
"""Bounded loopback load test: GetMap 256×256 PNG tiles (EPSG:3857) at random places inside an extent.
Usage: loadtest.py LABEL URL_PREFIX MINX MINY MAXX MAXY TILE_M [REQUESTS] [CONCURRENCY] [SEED]
URL_PREFIX ends where '&BBOX=' would be appended. Prints one JSON line: p50/p95 ms, req/s, errors."""
import http.client, json, random, statistics, sys, threading, time, urllib.parse

label, prefix = sys.argv[1], sys.argv[2]
minx, miny, maxx, maxy, tile = map(float, sys.argv[3:8])
n = int(sys.argv[8]) if len(sys.argv) > 8 else 400
conc = int(sys.argv[9]) if len(sys.argv) > 9 else 4
rnd = random.Random(int(sys.argv[10]) if len(sys.argv) > 10 else 42)
urls = []
for _ in range(n):
    x = rnd.uniform(minx, maxx - tile)
    y = rnd.uniform(miny, maxy - tile)
    urls.append(prefix + "&BBOX=%.3f,%.3f,%.3f,%.3f" % (x, y, x + tile, y + tile))
u = urllib.parse.urlsplit(prefix)
lat, errors, lock, idx = [], [0], threading.Lock(), [0]

def worker():
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    while True:
        with lock:
            if idx[0] >= len(urls):
                break
            url = urls[idx[0]]
            idx[0] += 1
        s = urllib.parse.urlsplit(url)
        t0 = time.perf_counter()
        try:
            conn.request("GET", s.path + "?" + s.query)
            r = conn.getresponse()
            body = r.read()
            ok = r.status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n"
        except Exception:
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        dt = (time.perf_counter() - t0) * 1000
        with lock:
            lat.append(dt)
            if not ok:
                errors[0] += 1

# Warm-up (first-use costs: style and reprojection caches, FastCGI process start), not measured.
for url in urls[:30]:
    s = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    c.request("GET", s.path + "?" + s.query)
    c.getresponse().read()
    c.close()
t0 = time.perf_counter()
ts = [threading.Thread(target=worker) for _ in range(conc)]
[t.start() for t in ts]
[t.join() for t in ts]
wall = time.perf_counter() - t0
lat.sort()
print(json.dumps({"server": label, "requests": len(lat), "concurrency": conc, "errors": errors[0],
                  "p50_ms": round(statistics.median(lat), 1), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1),
                  "req_per_s": round(len(lat) / wall, 1)}))
