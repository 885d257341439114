#!/usr/bin/env bash
# The restore drill: restores a backup into a fresh PostgreSQL cluster, checks the audit chain and every submission
# snapshot and evidence file against their hashes, and starts the portal on the restored database.
#   ops/restore-drill.sh [BACKUP.dump]
# Without a backup it first makes a source database (migrate + demo data, as `make run` does) and backs it up with
# ops/backup.sh, so the drill can run on a machine with nothing on it. Loopback only; everything it starts is
# stopped and removed on exit. Knobs: SOURCE_PORT=55470 TARGET_PORT=55471 PORT=5098.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE_PORT=${SOURCE_PORT:-55470}; TARGET_PORT=${TARGET_PORT:-55471}; PORT=${PORT:-5098}
work=$(mktemp -d /tmp/smezones-restore.XXXXXX); chmod 755 "$work"
portal_pid=""
cleanup() {
  status=$?
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  bash scripts/pg.sh stop "$work/source" >/dev/null 2>&1 || true
  bash scripts/pg.sh stop "$work/target" >/dev/null 2>&1 || true
  [ "$status" -ne 0 ] && [ -f "$work/portal.log" ] && tail -n 20 "$work/portal.log" >&2
  rm -rf "$work"; exit "$status"
}
trap cleanup EXIT; trap 'exit 143' TERM INT
step() { printf '[%3ds] %s\n' "$SECONDS" "$*" >&2; }
owner() { echo "Host=127.0.0.1;Port=$1;Username=smezones_owner;Database=smezones"; }
app() { echo "Host=127.0.0.1;Port=$1;Username=smezones_app;Database=smezones"; }
# Exact row counts of every table, to compare the restored database with the one backed up.
counts() {
  psql -h 127.0.0.1 -p "$1" -U postgres -d smezones -qtAX -c "
    SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
}

bash scripts/deps.sh >/dev/null
timeout 300 dotnet build src/SmeZones.Web -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
web="$PWD/src/SmeZones.Web/bin/Release/net10.0/SmeZones.Web.dll"

backup=${1:-}
if [ -z "$backup" ]; then
  step "source database on 127.0.0.1:$SOURCE_PORT (migrate + demo data)"
  bash scripts/pg.sh start "$work/source" "$SOURCE_PORT" >&2
  bash scripts/ensure-db.sh "$work/source" "$SOURCE_PORT" smezones
  ( cd src/SmeZones.Web && export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Owner="$(owner "$SOURCE_PORT")" ConnectionStrings__Default="$(app "$SOURCE_PORT")" &&
    dotnet "$web" migrate && dotnet "$web" seed-demo ) >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
  backup="$work/smezones.dump"
  step "backup"
  PGHOST=127.0.0.1 PGPORT=$SOURCE_PORT PGUSER=smezones_owner PGDATABASE=smezones bash ops/backup.sh "$backup" >&2
  counts "$SOURCE_PORT" >"$work/source.counts"
  bash scripts/pg.sh stop "$work/source" >&2
else
  [ -f "$backup.sha256" ] && { step "backup checksum"; sha256sum --check --quiet "$backup.sha256"; }
fi

step "fresh cluster on 127.0.0.1:$TARGET_PORT, restore"
bash scripts/pg.sh start "$work/target" "$TARGET_PORT" >&2
bash scripts/ensure-db.sh "$work/target" "$TARGET_PORT" smezones
started=$SECONDS
pg_restore --exit-on-error --single-transaction -h 127.0.0.1 -p "$TARGET_PORT" -U smezones_owner -d smezones "$backup"
step "restored in $((SECONDS - started)) s"
if [ -f "$work/source.counts" ]; then
  counts "$TARGET_PORT" >"$work/target.counts"
  diff "$work/source.counts" "$work/target.counts" >&2 || { echo "restore: row counts differ from the source" >&2; exit 1; }
  step "row counts of all $(wc -l <"$work/target.counts") tables equal the source's ($(awk '{ s += $2 } END { print s }' "$work/target.counts") rows)"
fi

export ConnectionStrings__Default="$(app "$TARGET_PORT")" ASPNETCORE_ENVIRONMENT=Production Portal__AllowUnencryptedKeys=true
step "audit chain"
dotnet "$web" verify-audit
step "submission snapshots and evidence files"
dotnet "$web" verify-snapshots

step "portal on the restored database, http://127.0.0.1:$PORT"
( cd src/SmeZones.Web && exec dotnet "$web" --urls "http://127.0.0.1:$PORT" ) >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null
curl -fsS -o "$work/login.html" "http://127.0.0.1:$PORT/Account/Login"
grep -q '登录' "$work/login.html"
step "restore drill passed: the restored database is intact and the portal serves it"
