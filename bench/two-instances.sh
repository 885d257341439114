#!/usr/bin/env bash
# Two portal instances on one PostgreSQL behind nginx (Debian's package), all on 127.0.0.1. Checks, each failing the
# script (exit 1) when it does not hold:
#   1. a sign-in on one instance is valid on the other, and an antiforgery token issued by one is accepted by the other
#      (keys shared through PostgreSQL);
#   2. the quota race: two reviewers of one unit with one place left post 推荐 at the same moment, one to each
#      instance, RACES times: exactly one wins each time, the other sees the quota message (not an error page);
#   3. a scheduled job fires once across the two: the mail-outbox job's cron is set to every 5 s through
#      configuration (Scheduling:Cron:mail-outbox, ADR 0081) and each instance logs every firing it runs with the
#      firing's scheduled time; both schedulers must keep checking in to the cluster, no scheduled time may appear
#      twice, and at least MIN_FIRINGS must have run;
# then measures the section GET (`service`) at CLIENTS clients through nginx, first with instance A alone as its
# upstream, then with both, in the same run, and prints the ratios. A script, not a test; bounded in time (LIMIT s); leaves nothing running.
#   bash bench/two-instances.sh
#   knobs: CLIENTS=32 DURATION=15 WARMUP=5 COUNT=64 RACES=5 MIN_FIRINGS=4 LIMIT=1200 BUILD_TIMEOUT=600 PG_PORT=55460 PORT=5100
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-32}; DURATION=${DURATION:-15}; WARMUP=${WARMUP:-5}; COUNT=${COUNT:-64}
RACES=${RACES:-5}; MIN_FIRINGS=${MIN_FIRINGS:-4}; LIMIT=${LIMIT:-1200}; BUILD_TIMEOUT=${BUILD_TIMEOUT:-600}
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
( sleep "$LIMIT"; echo "two-instances: over $LIMIT s, stopping" >&2; kill -TERM $$ ) & pids+=($!)
step() { printf '[%3ds] %s\n' "$SECONDS" "$*" >&2; }

bash scripts/deps.sh >/dev/null
if ! command -v nginx >/dev/null; then
  # Installed but not started: a policy that refuses service starts keeps Debian's default site off port 80.
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
for p in src/SmeZones.Web bench/SmeZones.Bench; do
  timeout "$BUILD_TIMEOUT" dotnet build "$p" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
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
( cd src/SmeZones.Web && export ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones" &&
  dotnet "$web" create-user --username reviewer2.guangdong --password 'Race#Reviewer2026' --role Reviewer \
    --organisation 广东省工业和信息化厅 --name "广东省 审核员二" ) >>"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }

export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=smezones_app;Database=smezones;Maximum Pool Size=50"
for port in $A $B; do
  # The mail-outbox job every 5 s instead of every minute, by configuration (a key with a hyphen, hence env); the
  # firing log (JobFiringLog) at Information although the rest logs warnings only.
  ( cd src/SmeZones.Web && exec env ASPNETCORE_ENVIRONMENT=Production Portal__AllowUnencryptedKeys=true \
      Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__SmeZones.Web.Scheduling.JobFiringLog=Information \
      'Scheduling__Cron__mail-outbox=0/5 * * * * ?' dotnet "$web" --urls "http://127.0.0.1:$port" ) >"$work/portal-$port.log" 2>&1 & pids+=($!)
done
started_at=$(date +%s)
# nginx_conf PORT...: the proxy's configuration with those instances as its upstream (reloaded between the phases).
nginx_conf() {
  local servers=""; for p in "$@"; do servers+="server 127.0.0.1:$p; "; done
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
  upstream portal { $servers keepalive 64; }
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
}
nginx_conf "$A" "$B"
nginx -c "$work/nginx.conf" -p "$work" & pids+=($!)
for url in "http://127.0.0.1:$A" "http://127.0.0.1:$B" "http://127.0.0.1:$PORT"; do
  for _ in $(seq 100); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "$url/health/ready" >/dev/null
done

step "one browser across the two instances"
dotnet "$bench" cross --ids "$work/ids.tsv" --a "http://127.0.0.1:$A" --b "http://127.0.0.1:$B"

step "quota race: two reviewers of one unit, one place left, one request to each instance at the same moment, $RACES times"
dotnet "$bench" race --ids "$work/ids.tsv" --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=smezones" \
  --a "http://127.0.0.1:$A" --b "http://127.0.0.1:$B" --reviewer-b reviewer2.guangdong --password-b 'Race#Reviewer2026' --repeat "$RACES"

checkins() { psql -h "$work/pg" -p "$PG_PORT" -U postgres -d smezones -qtA -F ' ' \
  -c "SELECT instance_name, last_checkin_time FROM quartz.qrtz_scheduler_state WHERE sched_name = 'SmeZones' ORDER BY instance_name COLLATE \"C\""; }
checkins_before=$(checkins)

step "section GET, $CLIENTS clients through nginx: one instance behind it, then two (same clients, same run)"
declare -A rps p95 floor_rps floor_p95
# Both through the same nginx on $PORT, so the proxy's hop is in both figures: first its upstream is instance A
# alone, then A and B (nginx -s reload between; the clients open new connections for each phase).
for name in one two; do
  if [ "$name" = one ]; then nginx_conf "$A"; else nginx_conf "$A" "$B"; fi
  nginx -c "$work/nginx.conf" -p "$work" -s reload; sleep 2
  echo "load average before the $name-instance phase: $(cut -d' ' -f1-3 /proc/loadavg)"
  timeout 300 dotnet "$bench" load --ids "$work/ids.tsv" --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --rounds 1 --section service \
    --warmup "$WARMUP" --duration "$DURATION" --out "$work/load-$name.md" >/dev/null
  echo "$name instance(s):"; grep -E '^\| [ASBC]′?\. ' "$work/load-$name.md"
  # Summary row: | phase | requests | errors | req/s | p50 | p95 | p99 | max |
  read -r rps[$name] p95[$name] < <(grep -E '^\| B\. ' "$work/load-$name.md" | awk -F'|' '{ gsub(/[ ,]/, "", $5); gsub(/[ ,]/, "", $7); print $5, $7 }')
  read -r floor_rps[$name] floor_p95[$name] < <(grep -E '^\| A\. ' "$work/load-$name.md" | awk -F'|' '{ gsub(/[ ,]/, "", $5); gsub(/[ ,]/, "", $7); print $5, $7 }')
done
awk -v r1="${rps[one]}" -v r2="${rps[two]}" -v p1="${p95[one]}" -v p2="${p95[two]}" -v f1="${floor_rps[one]}" -v f2="${floor_rps[two]}" \
  -v q1="${floor_p95[one]}" -v q2="${floor_p95[two]}" 'BEGIN {
  printf "section GET `service`, %s clients through nginx: one instance %s req/s, p95 %s ms (floor %s req/s, p95 %s ms); ", '"$CLIENTS"', r1, p1, f1, q1
  printf "two instances %s req/s, p95 %s ms (floor %s req/s, p95 %s ms); two/one: %.2f× req/s, %.2f× p95\n", r2, p2, f2, q2, r2 / r1, p2 / p1 }'
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); $(date -u '+%F %H:%M UTC')."

step "scheduled job across the two instances"
# Each instance logs "Job DEFAULT.mail-outbox firing <scheduled time> runs on instance <id>" for every firing it runs.
# Both schedulers must have stayed live members of the cluster through the run, or "once" proves nothing: each checks
# in every 15 s, so each instance's last check-in must have moved on since the snapshot taken before the load phases.
checkins_after=$(checkins)
alive=$(LC_ALL=C join <(echo "$checkins_before") <(echo "$checkins_after") | awk '$3 > $2' | wc -l)
echo "scheduler instances in the cluster that checked in during the load phases: $alive of $(echo "$checkins_after" | grep -c .)"
[ "$alive" -eq 2 ] || { echo "FAIL: expected both instances' schedulers to keep checking in to the cluster"; echo "$checkins_before"; echo "$checkins_after"; exit 1; }
fired() { grep -ho 'Job DEFAULT.mail-outbox firing [^ ]*' "$work/portal-$1.log" | awk '{ print $4 }' || true; }
on_a=$(fired $A | wc -l); on_b=$(fired $B | wc -l)
distinct=$({ fired $A; fired $B; } | sort -u | wc -l)
twice=$({ fired $A; fired $B; } | sort | uniq -d)
echo "mail-outbox (every 5 s) firings in $(( $(date +%s) - started_at )) s: $distinct scheduled times; run on instance A $on_a, on instance B $on_b"
if [ -n "$twice" ]; then
  echo "FAIL: these firings ran on both instances:"; echo "$twice"; exit 1
elif [ "$distinct" -lt "$MIN_FIRINGS" ]; then
  echo "FAIL: only $distinct firings of the mail-outbox job ran (expected at least $MIN_FIRINGS)"; exit 1
fi
echo "ok: each of the $distinct firings of the scheduled job ran exactly once across the two instances"
