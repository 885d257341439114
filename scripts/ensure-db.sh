#!/usr/bin/env bash
# Creates the named database in the local cluster if it does not exist yet.
set -euo pipefail
dir=$(cd "$1" && pwd); port=$2; name=$3
exists=$(psql -h "$dir" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
[ "$exists" = 1 ] || psql -h "$dir" -p "$port" -U postgres -qc "CREATE DATABASE $name"
