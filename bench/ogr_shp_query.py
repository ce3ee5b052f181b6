#!/usr/bin/env python3
"""GDAL/OGR peer of ShapefileQueryBench: on one shapefile, times a full read (geometry + every field of every
feature), a SIDE-metre box query around the layer's centre (SetSpatialFilterRect: GDAL uses a .qix beside the
file when there is one) and the box's feature count. Wall and process CPU per step; Python per-feature overhead is
included (the loop is the caller's, as in ours).

    /usr/bin/python3 bench/ogr_shp_query.py DLTB.shp [RUNS=3] [SIDE=2000]"""
import sys, time
from osgeo import ogr, gdal

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
side = float(sys.argv[3]) if len(sys.argv) > 3 else 2000.0
gdal.UseExceptions()

def step(run, what, fn):
    t0, c0 = time.perf_counter(), time.process_time()
    n = fn()
    print("run %d\t%-28s\t%9d\t%.3f s wall\t%.3f s CPU" % (run, what, n, time.perf_counter() - t0,
                                                            time.process_time() - c0), flush=True)

def read_all():
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    nf = lyr.GetLayerDefn().GetFieldCount()
    n = 0
    for f in lyr:
        g = f.GetGeometryRef()
        if g is not None:
            g.GetGeometryType()
        for i in range(nf):
            f.GetField(i)
        n += 1
    return n

def box():
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    x0, x1, y0, y1 = lyr.GetExtent()
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2

def bbox_read():
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    lyr.SetSpatialFilterRect(*box())
    nf = lyr.GetLayerDefn().GetFieldCount()
    n = 0
    for f in lyr:
        f.GetGeometryRef()
        for i in range(nf):
            f.GetField(i)
        n += 1
    return n

def bbox_count():
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    lyr.SetSpatialFilterRect(*box())
    return lyr.GetFeatureCount(1)

print("GDAL", gdal.__version__)
for r in range(1, runs + 1):
    step(r, "read all (all fields)", read_all)
    step(r, "bbox %d m (all fields)" % side, bbox_read)
    step(r, "bbox count", bbox_count)
