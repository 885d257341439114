#!/usr/bin/env bash
# Starts or stops a local PostgreSQL cluster in a folder of the project's.
#   pg.sh start DIR PORT [throwaway]   initialises DIR on first use; throwaway trades durability for speed
#   pg.sh stop DIR
set -euo pipefail

cmd=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb refuses to run as root: the cluster belongs to the postgres user then.
run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    port=$3; mode=${4:-persistent}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$dir"
      # postgres must be able to walk down to the folder.
      p=$(dirname "$dir"); while [ "$p" != "/" ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
    fi
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      run "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    if run "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      echo "PostgreSQL already running in $dir"; exit 0
    fi
    opts="-p $port -k $dir -c listen_addresses=127.0.0.1"
    [ "$mode" = throwaway ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 -o "$opts" start >/dev/null
    echo "PostgreSQL started on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    if run "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      run "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null && echo "PostgreSQL stopped ($dir)"
    fi
    ;;
  *) echo "usage: pg.sh start DIR PORT [throwaway] | stop DIR" >&2; exit 2 ;;
esac
