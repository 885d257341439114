#!/usr/bin/env bash
# A backup of the portal's database: one pg_dump in custom format. Evidence files, submissions and the audit trail all
# live in PostgreSQL, so this one file is the whole portal's data; the data-protection certificate is kept apart.
#   ops/backup.sh OUT.dump            connection from the standard libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE)
# Run it as a role that can read every table (the owner role, smezones_owner). Writes OUT.dump and OUT.dump.sha256.
set -euo pipefail
out=${1:?usage: ops/backup.sh OUT.dump}
tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT
# --no-owner is not used: a restore keeps the owner and the application role's grants (ADR 0006).
pg_dump --format=custom --compress=6 --file="$tmp" "${PGDATABASE:-smezones}"
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$tmp" >/dev/null
mv "$tmp" "$out"
sha256sum "$out" >"$out.sha256"
echo "backup: $out ($(du -h "$out" | cut -f1)), sha256 $(cut -d' ' -f1 "$out.sha256")"
