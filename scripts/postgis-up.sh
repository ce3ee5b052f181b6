#!/usr/bin/env bash
# Starts a throw-away PostGIS for LandLedger's tests and benchmarks, installing it first when missing.
#
# Idempotent: installs Debian's postgresql-15 + postgresql-15-postgis-3 only if PostGIS is absent
# (apt-get update only if the install fails without it), creates a cluster in $LANDLEDGER_PG_STATE
# (default /tmp/landledger-pg-$UID) on the first free loopback port from 55432, and reuses a running
# one. The server runs as the postgres user (PostgreSQL refuses root). A login role "landledger" with a
# random password owns database "landledger" with the postgis extension; the password is kept in
# $STATE/password (mode 600) and never printed.
#
# Prints the layer-location prefix on stdout, e.g.
#   pg:postgresql://landledger@127.0.0.1:55432/landledger?password-file=/tmp/landledger-pg-0/password
# and writes it to $STATE/url. Usage: export LANDLEDGER_PG_URL="$(scripts/postgis-up.sh)"
# Stop it with: scripts/postgis-up.sh --stop
set -euo pipefail

PG_MAJOR="${LANDLEDGER_PG_MAJOR:-15}"
STATE="${LANDLEDGER_PG_STATE:-${TMPDIR:-/tmp}/landledger-pg-$(id -u)}"
BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
DATA="$STATE/data"
RUN="$STATE/run"
DB=landledger
ROLE=landledger

log() { echo "postgis-up: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
    log "need root to run: $*"; return 1; fi
}

# Runs a command as the server's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

installed() {
  [ -x "$BIN/pg_ctl" ] && [ -f "/usr/share/postgresql/$PG_MAJOR/extension/postgis.control" ]
}

install() {
  local pkgs=("postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-postgis-3")
  log "installing ${pkgs[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q -o DPkg::Lock::Timeout=600 "${pkgs[@]}" >&2; then
    log "install failed; running apt-get update and retrying"
    as_root apt-get update -q -o DPkg::Lock::Timeout=600 >&2
    as_root apt-get install -y -q -o DPkg::Lock::Timeout=600 "${pkgs[@]}" >&2
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

psql_admin() { PGOPTIONS="-c client_min_messages=warning" as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U postgres "$@"; }

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DATA/PG_VERSION" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true; fi
  exit 0
fi

installed || install
installed || { log "PostGIS for PostgreSQL $PG_MAJOR is still missing after install"; exit 1; }

mkdir -p "$STATE"
chmod 755 "$STATE"
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA" "$RUN"
  mkdir -p "$DATA" "$RUN"
  [ "$(id -u)" = 0 ] && chown postgres: "$DATA" "$RUN"
  chmod 700 "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$STATE/initdb.log" 2>&1 \
    || { cat "$STATE/initdb.log" >&2; exit 1; }
fi

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT="$(cat "$STATE/port")"
else
  PORT=55432
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
  echo "$PORT" >"$STATE/port"
  log "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$PORT (data $DATA)"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$RUN/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { tail -20 "$RUN/server.log" >&2; exit 1; }
fi

if [ ! -s "$STATE/password" ]; then
  umask 077
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$STATE/password"
  umask 022
fi
PASSWORD="$(cat "$STATE/password")"

# Role, database and extension (each only if missing). The password goes through a psql variable
# set on stdin, never on a command line.
psql_admin -d postgres >/dev/null <<SQL
\\set pw '$PASSWORD'
SELECT format('CREATE ROLE $ROLE LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')
\gexec
SELECT format('ALTER ROLE $ROLE PASSWORD %L', :'pw')
\gexec
SELECT 'CREATE DATABASE $DB OWNER $ROLE' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')
\gexec
SQL
psql_admin -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null

URL="pg:postgresql://$ROLE@127.0.0.1:$PORT/$DB?password-file=$STATE/password"
echo "$URL" >"$STATE/url"
echo "$URL"
