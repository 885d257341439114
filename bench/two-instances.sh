#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind nginx (Debian's package), all on 127.0.0.1: checks that a sign-in on
# one instance is valid on the other and that antiforgery tokens are accepted across them (keys shared through
# PostgreSQL), then measures the section GET through nginx with two instances against one instance alone.
# A script, not a test; bounded in time; leaves nothing running.
#   bash bench/two-instances.sh      knobs: CLIENTS=32 DURATION=15 WARMUP=5 COUNT=64 PG_PORT=55460 PORT=5100
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-32}; DURATION=${DURATION:-15}; WARMUP=${WARMUP:-5}; COUNT=${COUNT:-64}
PG_PORT=${PG_PORT:-55460}; PORT=${PORT:-5100}; A=$((PORT + 1)); B=$((PORT + 2))
work=$(mktemp -d /tmp/smezones-two.XXXXXX); chmod 755 "$work"
pids=()
cleanup() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash scripts/pg.sh stop "$work/pg" >/dev/null 2>&1 || true
  [ "$status" -ne 0 ] && tail -n 20 "$work"/*.log >&2 2>/dev/null
  rm -rf "$work"; exit "$status"
}
trap cleanup EXIT; trap 'exit 143' TERM INT
( sleep 600; echo "two-instances: over 600 s, stopping" >&2; kill -TERM $$ ) & pids+=($!)
step() { printf '[%3ds] %s\n' "$SECONDS" "$*" >&2; }

bash scripts/deps.sh >/dev/null
if ! command -v nginx >/dev/null; then
  # Installed but not started: a policy that refuses service starts keeps Debian's default site off port 80.
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
for p in src/SmeZones.Web bench/SmeZones.Bench; do
  timeout 300 dotnet build "$p" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
web="$PWD/src/SmeZones.Web/bin/Release/net10.0/SmeZones.Web.dll"
bench="$PWD/bench/SmeZones.Bench/bin/Release/net10.0/SmeZones.Bench.dll"

step "PostgreSQL on 127.0.0.1:$PG_PORT: migrate, demo data, $COUNT drafts"
bash scripts/pg.sh start "$work/pg" "$PG_PORT" throwaway >&2
bash scripts/ensure-db.sh "$work/pg" "$PG_PORT" smezones
( cd src/SmeZones.Web && export ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Owner="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_owner;Database=smezones" \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones" &&
  dotnet "$web" migrate && dotnet "$web" seed-demo ) >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
dotnet "$bench" seed --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=smezones" --count "$COUNT" --out "$work/ids.tsv" >&2

export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones;Maximum Pool Size=50"
for port in $A $B; do
  ( cd src/SmeZones.Web && ASPNETCORE_ENVIRONMENT=Production Portal__AllowUnencryptedKeys=true Serilog__MinimumLevel__Default=Warning \
      exec dotnet "$web" --urls "http://127.0.0.1:$port" ) >"$work/portal-$port.log" 2>&1 & pids+=($!)
done
cat >"$work/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fcgi; uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  upstream portal { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 64; }
  server {
    listen 127.0.0.1:$PORT;
    client_max_body_size 25m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" & pids+=($!)
for url in "http://127.0.0.1:$A" "http://127.0.0.1:$B" "http://127.0.0.1:$PORT"; do
  for _ in $(seq 100); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "$url/health/ready" >/dev/null
done

step "one browser across the two instances"
dotnet "$bench" cross --ids "$work/ids.tsv" --a "http://127.0.0.1:$A" --b "http://127.0.0.1:$B"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
step "section GET, $CLIENTS clients: one instance alone, then two behind nginx"
for target in "one instance|http://127.0.0.1:$A" "two instances behind nginx|http://127.0.0.1:$PORT"; do
  timeout 200 dotnet "$bench" load --ids "$work/ids.tsv" --url "${target#*|}" --clients "$CLIENTS" --rounds 1 \
    --warmup "$WARMUP" --duration "$DURATION" --out "$work/load.md" >/dev/null
  echo "${target%%|*}:"; grep -E '^\| (A|B) ' "$work/load.md" || grep -E 'GET' "$work/load.md" | head -n 4
done
echo "Load average before the load phases: $load_before. Machine: $(nproc) cores; $(date -u +%F)."
