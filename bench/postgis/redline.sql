-- 红线检查 (PostGIS peer): the overlay at the heart of the red-line check, as plain PostGIS SQL.
-- For each plan polygon: the area it overlaps DLTB, and the farmland (0101/0102/0103) it occupies net of
-- 田坎 (overlap × (1 − KCXS)). Planar areas in the layers' projected CRS (GK); psql variables :plan and
-- :dltb name the tables (schema-qualified, quoted). The GiST indexes made at load time drive the join.
\set ON_ERROR_STOP 1
DROP TABLE IF EXISTS bench_redline_result;
CREATE TEMP TABLE bench_redline_result AS
WITH pieces AS (
  SELECT p.ogc_fid AS plan_fid, d."DLBM" AS dlbm, coalesce(d."KCXS", 0) AS kcxs,
         ST_Area(ST_Intersection(p.geom, d.geom)) AS a
  FROM :plan p JOIN :dltb d ON ST_Intersects(p.geom, d.geom)
)
SELECT plan_fid,
       sum(a) AS overlap_m2,
       sum(CASE WHEN dlbm IN ('0101', '0102', '0103') THEN a * (1 - kcxs) ELSE 0 END) AS farmland_m2
FROM pieces GROUP BY plan_fid;
SELECT count(*) AS plans, round(sum(overlap_m2)::numeric, 2) AS overlap_m2,
       round(sum(farmland_m2)::numeric, 2) AS farmland_m2 FROM bench_redline_result;
