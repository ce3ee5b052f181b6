#!/usr/bin/env bash
# GDAL/OGR SQLite-dialect peer of the red-line check: the same per-parcel quantities as `landledger redline`,
# bench/geopandas_redline.py and bench/postgis/redline-full.sql, planar (projected CRS): overlap with DLTB,
# farmland (DLBM 0101/0102/0103) gross and net of 田坎 (× (1 − KCXS)), and 永久基本农田 (YJJBNTTB) overlap.
#
#   bench/ogr-sqlite-redline.sh INPUT_DIR OUT_DIR [PLAN_LAYER=PLAN_BENCH]   → OUT_DIR/ogr-sqlite.csv
#   PLAN_LIMIT=200 bench/ogr-sqlite-redline.sh /tmp/bench-county /tmp/ogr-try  # first 200 parcels only
#   STEP=convert|query                                                        # only one of the two steps
#
# Step 1 (convert, timed separately as the PostGIS load is): ogr2ogr copies DLTB.shp, YJJBNTTB.shp and the plan
# into ONE GeoPackage OUT_DIR/redline.gpkg (R-tree per layer). Step 2 (query): one `ogr2ogr -dialect SQLite -sql`
# statement over it writes OUT_DIR/ogr-sqlite.csv with the GeoPandas script's columns (BSM, overlapM2,
# farmlandM2, farmlandNetM2, permanentFarmlandM2) for bench/summarize.py. Candidate pairs come from the
# GeoPackage R-tree (rtree_<layer>_geom joined on the plan's ST_MinX/MaxX/MinY/MaxY), not an O(n × m) join;
# ST_Intersects/ST_Intersection/ST_Area are SpatiaLite's (GEOS) on GeoPackage geometries.
#
# Why not the shapefiles directly: OGR's `SpatialIndex` virtual table over shapefile layers
# (`d.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'DLTB' AND search_frame = p.GEOMETRY)`)
# gives the right numbers but with GDAL 3.6.2 took ≈ 6–13 s per plan parcel on the county DLTB (200 405
# polygons), with or without a .qix — the join still scans DLTB per parcel (≈ 20 h for 6 000 parcels).
set -euo pipefail
in="$(cd "$1" && pwd)"; out="$2"; plan="${3:-PLAN_BENCH}"
mkdir -p "$out"; gpkg="$out/redline.gpkg"
if [ "${STEP:-convert}" != query ]; then
  rm -f "$gpkg"
  ogr2ogr -f GPKG "$gpkg" "$in/DLTB.shp" -nln DLTB -lco GEOMETRY_NAME=geom -gt 65536
  ogr2ogr -update "$gpkg" "$in/YJJBNTTB.shp" -nln YJJBNTTB -lco GEOMETRY_NAME=geom -gt 65536
  ogr2ogr -update "$gpkg" "$in/$plan.shp" -nln PLAN -lco GEOMETRY_NAME=geom -gt 65536
  echo "converted to $gpkg"
fi
[ "${STEP:-}" = convert ] && exit 0
lim="" # PLAN_LIMIT: the same first N parcels in every part of the statement
[ -n "${PLAN_LIMIT:-}" ] && lim="AND p.fid <= $PLAN_LIMIT"
read -r -d '' sql <<SQL || true
SELECT p.BSM AS BSM,
       coalesce(l.overlap, 0) AS overlapM2, coalesce(l.farm, 0) AS farmlandM2,
       coalesce(l.net, 0) AS farmlandNetM2, coalesce(b.pbf, 0) AS permanentFarmlandM2
FROM PLAN p
LEFT JOIN (SELECT bsm, sum(a) AS overlap,
                  sum(CASE WHEN dlbm IN ('0101', '0102', '0103') THEN a ELSE 0 END) AS farm,
                  sum(CASE WHEN dlbm IN ('0101', '0102', '0103') THEN a * (1 - kcxs) ELSE 0 END) AS net
           FROM (SELECT p.BSM AS bsm, d.DLBM AS dlbm, coalesce(d.KCXS, 0) AS kcxs,
                        ST_Area(ST_Intersection(p.geom, d.geom)) AS a
                 FROM PLAN p JOIN rtree_DLTB_geom r
                   ON r.minx <= ST_MaxX(p.geom) AND r.maxx >= ST_MinX(p.geom)
                  AND r.miny <= ST_MaxY(p.geom) AND r.maxy >= ST_MinY(p.geom)
                 JOIN DLTB d ON d.fid = r.id
                 WHERE ST_Intersects(p.geom, d.geom) $lim)
           GROUP BY bsm) l ON l.bsm = p.BSM
LEFT JOIN (SELECT p.BSM AS bsm, sum(ST_Area(ST_Intersection(p.geom, y.geom))) AS pbf
           FROM PLAN p JOIN rtree_YJJBNTTB_geom r
             ON r.minx <= ST_MaxX(p.geom) AND r.maxx >= ST_MinX(p.geom)
            AND r.miny <= ST_MaxY(p.geom) AND r.maxy >= ST_MinY(p.geom)
           JOIN YJJBNTTB y ON y.fid = r.id
           WHERE ST_Intersects(p.geom, y.geom) $lim
           GROUP BY p.BSM) b ON b.bsm = p.BSM
WHERE 1 = 1 $lim
ORDER BY p.BSM
SQL
[ -n "${SHOW_SQL:-}" ] && printf '%s\n' "$sql"
csv="$out/ogr-sqlite.csv"; rm -f "$csv"
t0=$(date +%s.%N)
ogr2ogr -f CSV "$csv" "$gpkg" -dialect SQLite -sql "$sql" -nln redline
t1=$(date +%s.%N)
awk -F, -v s="$(ogr2ogr --version)" -v t="$(echo "$t1 - $t0" | bc)" 'NR > 1 { n++; for (i = 2; i <= 5; i++) tot[i] += $i }
  END { printf "%s: %d parcels in %.2f s\ntotals: overlap %.2f m², farmland %.2f m², farmland net %.2f m², PBF %.2f m²\n",
        s, n, t, tot[2], tot[3], tot[4], tot[5] }' "$csv"
