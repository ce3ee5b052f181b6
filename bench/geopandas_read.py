#!/usr/bin/env python3
"""Read-throughput peer: geopandas.read_file of one layer (all attributes), features/s.

    bench/geopandas_read.py LOCATION [LAYER]"""
import sys, time
import geopandas as gpd
t0 = time.time()
df = gpd.read_file(sys.argv[1], layer=sys.argv[2]) if len(sys.argv) > 2 else gpd.read_file(sys.argv[1])
s = time.time() - t0
print("geopandas %s read_file: %d features in %.2f s → %.0f features/s" % (gpd.__version__, len(df), s, len(df) / s))
