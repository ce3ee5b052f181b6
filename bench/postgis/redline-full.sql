-- 红线检查 (PostGIS peer, full): the same per-parcel quantities as `landledger redline` and the GeoPandas
-- peer, planar (GK): overlap with DLTB, farmland (0101/0102/0103) gross and net of 田坎 (× (1 − KCXS)),
-- and 永久基本农田 overlap. psql variables :plan, :dltb, :pbf name the tables (loaded by ogr2ogr with
-- LAUNDER=NO, geometry column geom, GiST indexes). The per-parcel CSV goes to psql's stdout.
\set ON_ERROR_STOP 1
DROP TABLE IF EXISTS bench_lu, bench_pbf, bench_out;
CREATE TEMP TABLE bench_lu AS
SELECT plan_bsm,
       sum(a) AS overlap_m2,
       sum(CASE WHEN dlbm IN ('0101', '0102', '0103') THEN a ELSE 0 END) AS farmland_m2,
       sum(CASE WHEN dlbm IN ('0101', '0102', '0103') THEN a * (1 - kcxs) ELSE 0 END) AS farmland_net_m2
FROM (SELECT p."BSM" AS plan_bsm, d."DLBM" AS dlbm, coalesce(d."KCXS", 0) AS kcxs,
             ST_Area(ST_Intersection(p.geom, d.geom)) AS a
      FROM :plan p JOIN :dltb d ON ST_Intersects(p.geom, d.geom)) pieces
GROUP BY plan_bsm;
CREATE TEMP TABLE bench_pbf AS
SELECT p."BSM" AS plan_bsm, sum(ST_Area(ST_Intersection(p.geom, b.geom))) AS pbf_m2
FROM :plan p JOIN :pbf b ON ST_Intersects(p.geom, b.geom)
GROUP BY p."BSM";
CREATE TEMP TABLE bench_out AS
SELECT p."BSM" AS bsm, coalesce(l.overlap_m2, 0) AS overlap_m2, coalesce(l.farmland_m2, 0) AS farmland_m2,
       coalesce(l.farmland_net_m2, 0) AS farmland_net_m2, coalesce(b.pbf_m2, 0) AS pbf_m2
FROM :plan p LEFT JOIN bench_lu l ON l.plan_bsm = p."BSM" LEFT JOIN bench_pbf b ON b.plan_bsm = p."BSM";
\copy (SELECT * FROM bench_out ORDER BY bsm) TO pstdout WITH (FORMAT csv, HEADER)
