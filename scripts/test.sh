#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL cluster, then removes the cluster.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh || exit 1
dir=$(mktemp -d /tmp/smezones-test-pg.XXXXXX)
port=${SMEZONES_TEST_PG_PORT:-55433}
cleanup() { bash scripts/pg.sh stop "$dir" >/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
bash scripts/pg.sh start "$dir" "$port" throwaway || exit 1
# The owner and application roles (ADR 0006); each test database is owned by the one and used by the other.
bash scripts/ensure-db.sh "$dir" "$port" || exit 1

# The superuser creates the test databases; the tests connect as smezones_owner and smezones_app (TestDatabase).
export SMEZONES_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
log=$(mktemp /tmp/smezones-test-log.XXXXXX)
dotnet test SmeZones.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line over all projects, in the plain form CI reads.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
