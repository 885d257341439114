#!/usr/bin/env bash
# Creates the portal's two database roles in the local cluster if missing (ADR 0006), and, given a NAME, the database
# owned by the owner role. A database from before the roles existed is handed over to the owner role.
#   ensure-db.sh DIR PORT [NAME]
set -euo pipefail
dir=$(cd "$1" && pwd); port=$2; name=${3:-}
owner=${SMEZONES_OWNER_ROLE:-smezones_owner}; app=${SMEZONES_APP_ROLE:-smezones_app}
sql() { psql -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

for role in "$owner" "$app"; do
  [ "$(sql -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" = 1 ] ||
    sql -c "CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
done
[ -n "$name" ] || exit 0

if [ "$(sql -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
  sql -c "CREATE DATABASE $name OWNER $owner"
  exit 0
fi
# Made by an earlier `make run` as postgres: the owner role takes over what postgres created, so `migrate` can run as it.
sql -d "$name" -c "ALTER DATABASE $name OWNER TO $owner" -c "
DO \$\$ DECLARE o record; BEGIN
  FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) = 'postgres' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO $owner', o.relname);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres' LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO $owner', o.f);
  END LOOP;
END \$\$;"
