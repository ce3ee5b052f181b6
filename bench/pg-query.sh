#!/usr/bin/env bash
# Runs bench/postgis/redline-full.sql (psql; tables in schema redbench) writing the per-parcel CSV to $1, and
# prints the PostgreSQL server's CPU seconds spent meanwhile (server_cpu_s=…): the postmaster's own plus
# its reaped children's (the backend and any parallel workers exit and are reaped when psql disconnects),
# so the query's CPU is counted although it runs in other processes than psql.
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$(head -n1 "$LANDLEDGER_PG_STATE/data/postmaster.pid")
tck=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"; }
t0=$(ticks)
psql -X -q -v plan=redbench.plan -v dltb=redbench.dltb -v pbf=redbench.pbf -f bench/postgis/redline-full.sql >"$1"
sleep 1 # let the postmaster reap the backend
t1=$(ticks)
awk -v a="$t0" -v b="$t1" -v t="$tck" 'BEGIN { printf "server_cpu_s=%.2f\n", (b - a) / t }'
