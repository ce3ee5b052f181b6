#!/usr/bin/env python3
"""OWSLib (Debian's python3-owslib) against a live LandLedger server: WMS 1.3.0 and WFS 2.0."""
import json, sys
from owslib.wms import WebMapService
from owslib.wfs import WebFeatureService

base = sys.argv[1].rstrip("/")
wms = WebMapService(base + "/ows", version="1.3.0")
assert "DLTB" in wms.contents, list(wms.contents)
layer = wms["DLTB"]
assert "EPSG:4527" in layer.crsOptions and "EPSG:3857" in layer.crsOptions, layer.crsOptions
w, s, e, n = layer.boundingBoxWGS84
# OWSLib takes the bbox as x,y and itself sends EPSG:4326 as lat,lon for WMS 1.3.0 (see the request URL).
img = wms.getmap(layers=["DLTB"], styles=[""], srs="EPSG:4326", bbox=(w, s, e, n), size=(256, 256),
                 format="image/png", transparent=True)
assert "bbox=%s" % s in img.geturl().replace("%2C", ","), img.geturl()
data = img.read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:100]
# An empty transparent 256×256 PNG is a few hundred bytes; the 100-square grid is several kB.
assert len(data) > 3000, len(data)
print("OWSLib WMS: %d layers, GetMap %d bytes" % (len(wms.contents), len(data)))

wfs = WebFeatureService(base + "/ows", version="2.0.0")
names = list(wfs.contents)
assert "ll:DLTB" in names, names
resp = wfs.getfeature(typename=["ll:DLTB"], maxfeatures=5, outputFormat="application/json")
fc = json.loads(resp.read())
assert fc["numberReturned"] == 5 and fc["numberMatched"] == 100, (fc["numberReturned"], fc["numberMatched"])
assert fc["features"][0]["properties"]["DLMC"] == "水田", fc["features"][0]["properties"]
print("OWSLib WFS: %d feature types, GetFeature %d of %d, 地类 %s" % (len(names), fc["numberReturned"],
      fc["numberMatched"], fc["features"][0]["properties"]["DLMC"]))
