#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind nginx (Debian's package), all on 127.0.0.1: checks that a sign-in on
# one instance is valid on the other and that antiforgery tokens are accepted across them (keys shared through
# PostgreSQL), that a quota race across the two has exactly one winner and that a scheduled job fires once across
# them (Quartz clustered store), then measures the section GET through nginx with two instances against one alone.
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

# A second reviewer of the unit the quota race is about (the demo data has one per unit).
( cd src/SmeZones.Web && ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones" &&
  dotnet "$web" create-user --username reviewer2.guangdong --password 'Race#Reviewer2026' --role Reviewer \
    --organisation 广东省工业和信息化厅 --name "广东省 审核员二" ) >>"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }

export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones;Maximum Pool Size=50"
for port in $A $B; do
  # Quartz's job runner at Debug: one "Calling Execute on job" line per firing, counted below.
  ( cd src/SmeZones.Web && exec env ASPNETCORE_ENVIRONMENT=Production Portal__AllowUnencryptedKeys=true Serilog__MinimumLevel__Default=Warning \
      Serilog__MinimumLevel__Override__Quartz.Core.JobRunShell=Debug dotnet "$web" --urls "http://127.0.0.1:$port" ) >"$work/portal-$port.log" 2>&1 & pids+=($!)
done
started_at=$(date +%s)
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

step "quota race: two reviewers of one unit, one place left, one request to each instance at the same moment"
dotnet "$bench" race --ids "$work/ids.tsv" --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=smezones" \
  --a "http://127.0.0.1:$A" --b "http://127.0.0.1:$B" --reviewer-b reviewer2.guangdong --password-b 'Race#Reviewer2026'

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
step "section GET, $CLIENTS clients: one instance alone, then two behind nginx"
for target in "one instance|http://127.0.0.1:$A" "two instances behind nginx|http://127.0.0.1:$PORT"; do
  timeout 200 dotnet "$bench" load --ids "$work/ids.tsv" --url "${target#*|}" --clients "$CLIENTS" --rounds 1 \
    --warmup "$WARMUP" --duration "$DURATION" --out "$work/load.md" >/dev/null
  echo "${target%%|*}:"; grep -E '^\| (A|B) ' "$work/load.md" || grep -E 'GET' "$work/load.md" | head -n 4
done
echo "Load average before the load phases: $load_before. Machine: $(nproc) cores; $(date -u +%F)."

# The mail-outbox job fires at second 0 of every minute (北京时间 cron). Both instances have been up through at least
# one such minute; each firing must run on exactly one of them.
step "scheduled job across the two instances"
wait_until=$(( (started_at / 60 + 2) * 60 + 5 ))
now=$(date +%s); [ "$now" -lt "$wait_until" ] && sleep $(( wait_until - now ))
fired() { grep -h 'Calling Execute on job DEFAULT.mail-outbox' "$work/portal-$1.log" | sed -E 's/^\[([0-9]{2}:[0-9]{2}):.*/\1/' || true; }
echo "mail-outbox firings per minute: instance A $(fired $A | wc -l), instance B $(fired $B | wc -l)"
{ fired $A; fired $B; } | sort | uniq -c | awk '{ printf "  %s  %d run(s)\n", $2, $1 }'
if [ -z "$({ fired $A; fired $B; } | head -n 1)" ]; then
  echo "FAIL: the mail-outbox job never ran"; exit 1
elif { fired $A; fired $B; } | sort | uniq -d | grep -q .; then
  echo "FAIL: a firing of the mail-outbox job ran on both instances"; exit 1
else
  echo "ok: each firing of the scheduled job ran once across the two instances"
fi
