#!/usr/bin/env bash
# The SmeZones benchmark (a script, not a test): builds Release, starts a throwaway PostgreSQL, seeds the demo data
# and 1,000 complete zone-2026 drafts, serves the portal on 127.0.0.1, drives it with bench/SmeZones.Bench and
# prints the figures as Markdown. Everything it starts is stopped and removed on exit. See bench/README.md.
#
#   bash bench/run.sh                      # defaults below
#   CLIENTS=32 ROUNDS=3 WARMUP=5 DURATION=20 COUNT=1000 PG_PORT=55450 PORT=5099 SECTION=auto bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

CLIENTS=${CLIENTS:-32}
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-20}
COUNT=${COUNT:-1000}
PG_PORT=${PG_PORT:-55450}
PORT=${PORT:-5099}
SECTION=${SECTION:-service}
ROUNDS=${ROUNDS:-3}
# The lists' phases (issue 13 items 2 and 4): submitted applications, evidence MiB for the dossier, section phases on/off.
SUBMITTED=${SUBMITTED:-5000}
DOSSIER_MB=${DOSSIER_MB:-2048}
SECTION_PHASES=${SECTION_PHASES:-1}
# The PDF phases (issue 13 item 3): cold/warm, a burst of PDF_BURST at once, PDF_MANY documents with Chromium's memory.
PDF_PHASES=${PDF_PHASES:-0}
PDF_BURST=${PDF_BURST:-16}
PDF_MANY=${PDF_MANY:-200}
# Memory investigation (issue 13 item 4), off by default: STOP_AFTER=sections|lists ends the run after that phase
# (lists: before the dossier); MEASURE_DIR=DIR keeps a memory snapshot of the portal at each phase boundary there
# (/proc status and smaps_rollup, the runtime's GC counters, then a gcdump, which forces a full GC: later phases of
# that run start from a collected heap).
STOP_AFTER=${STOP_AFTER:-}
GCDUMP=${GCDUMP:-1}  # 0: no gcdump (no forced GC), counters and /proc only
MEASURE_DIR=${MEASURE_DIR:-}
url="http://127.0.0.1:$PORT"

# The whole run is bounded: a watchdog ends it whatever happens (the trap still cleans up). 11 minutes for the section
# phases; the lists' phases add seeding (about a minute for 5,000), 2 GiB of evidence and their own measurements.
default_deadline=$(( (SECTION_PHASES == 1 ? 660 : 360) + (SUBMITTED > 0 ? 600 : 0) ))
deadline=${BENCH_DEADLINE:-$default_deadline}
# Bash runs a trap only once the foreground command returns, so the watchdog also ends the script's own children.
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$deadline" & sleeper=$!; wait "$sleeper"
  echo "bench: over ${deadline}s, stopping" >&2; kill -TERM $$; pkill -TERM -P $$ ) 2>/dev/null &
watchdog=$!

work=$(mktemp -d /tmp/smezones-bench.XXXXXX)
chmod 755 "$work"
portal_pid=""
sampler_pid=""
cleanup() {
  status=$?
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "${counters_pid:-}" ] && kill -TERM "$counters_pid" 2>/dev/null || true
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill -TERM "$portal_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$portal_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$portal_pid" 2>/dev/null || true
  fi
  bash scripts/pg.sh stop "$work/pg" >/dev/null 2>&1 || true
  kill "$watchdog" 2>/dev/null || true
  if [ "$status" -ne 0 ] && [ -f "$work/portal.log" ]; then
    echo "bench: failed ($status); last lines of the portal log:" >&2; tail -n 20 "$work/portal.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

if ss -ltn 2>/dev/null | grep -qE "127\.0\.0\.1:($PG_PORT|$PORT)\b"; then
  echo "bench: port $PG_PORT or $PORT is already in use" >&2; exit 1
fi

step() { printf '[%3ds] %s\n' "$SECONDS" "$*" >&2; }

# measure LABEL: the portal's memory now, as the process sees it (RSS by kind) and as the runtime sees it (GC heap by
# generation, fragmentation, committed), then which types hold the managed heap (gcdump; forces a full GC) and RSS after it.
measure() {
  [ -n "$MEASURE_DIR" ] || return 0
  local out="$MEASURE_DIR/$1" tools="$HOME/.dotnet/tools"
  mkdir -p "$out"
  step "measure memory: $1 -> $out"
  cat /proc/loadavg >"$out/loadavg.txt"
  grep -E '^(Vm|Rss|Threads)' "/proc/$portal_pid/status" >"$out/status-before.txt" || true
  cat "/proc/$portal_pid/smaps_rollup" >"$out/smaps_rollup-before.txt" 2>/dev/null || true
  # The largest mappings by resident size (anonymous ones are the GC heap, native allocations and thread stacks).
  awk '/^[0-9a-f]+-[0-9a-f]+ / {name = ($6 == "" ? "[anon]" : $6)} /^Rss:/ {rss[name] += $2} END {for (n in rss) printf "%8d KiB  %s\n", rss[n], n}' \
    "/proc/$portal_pid/smaps" 2>/dev/null | sort -rn | head -n 40 >"$out/mappings.txt" || true
  # The latest value of each runtime counter (a second counters session beside the whole run's one records nothing).
  sleep 6
  awk -F, 'NR > 1 {value[$3] = $5; at[$3] = $1} END {for (k in value) print at[k] "  " k " = " value[k]}' \
    "$MEASURE_DIR/counters-whole-run.csv" 2>/dev/null | sort -k3 >"$out/counters-latest.txt" || true
  if [ "$GCDUMP" = 1 ]; then
    timeout 120 "$tools/dotnet-gcdump" collect -p "$portal_pid" -o "$out/heap.gcdump" >/dev/null 2>&1 \
      && timeout 60 "$tools/dotnet-gcdump" report "$out/heap.gcdump" >"$out/heap-report.txt" 2>&1 \
      || echo "bench: dotnet-gcdump failed (dotnet tool install -g dotnet-gcdump)" >&2
    grep -E '^(Vm|Rss)' "/proc/$portal_pid/status" >"$out/status-after-gcdump.txt" || true
  fi
}

step "build (Release)"
bash scripts/deps.sh
timeout ${BUILD_TIMEOUT:-300} dotnet build src/SmeZones.Web -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
timeout ${BUILD_TIMEOUT:-300} dotnet build bench/SmeZones.Bench -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
web="$root/src/SmeZones.Web/bin/Release/net10.0/SmeZones.Web.dll"
bench="$root/bench/SmeZones.Bench/bin/Release/net10.0/SmeZones.Bench.dll"

step "throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
bash scripts/pg.sh start "$work/pg" "$PG_PORT" throwaway >&2
bash scripts/ensure-db.sh "$work/pg" "$PG_PORT" smezones_bench
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=smezones_bench"

step "migrate + seed-demo"
# EF logs a failed read of __EFMigrationsHistory on a new database; keep that out of sight unless something fails.
ASPNETCORE_ENVIRONMENT=Development timeout 120 dotnet "$web" migrate >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
ASPNETCORE_ENVIRONMENT=Development timeout 120 dotnet "$web" seed-demo >>"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }

# The PDF phases print the first of these applications, so they need the seed too.
if [ "$SECTION_PHASES" = 1 ] || [ "$PDF_PHASES" = 1 ]; then
  step "seed $COUNT zone-2026 applications"
  timeout 180 dotnet "$bench" seed --connection "$ConnectionStrings__Default" --count "$COUNT" --out "$work/ids.tsv" >&2
fi
if [ "$SUBMITTED" -gt 0 ]; then
  step "seed $SUBMITTED submitted zone-2026 applications (recommended at the provincial stage)"
  campaign=$(timeout 900 dotnet "$bench" seed-submitted --connection "$ConnectionStrings__Default" --count "$SUBMITTED")
  if [ "$DOSSIER_MB" -gt 0 ]; then
    dossier_app=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d smezones_bench -Atc \
      "SELECT \"Id\" FROM \"Applications\" WHERE \"CampaignId\" = $campaign AND \"Status\" = 1 ORDER BY \"Number\" LIMIT 1")
    step "seed $DOSSIER_MB MiB of evidence on $dossier_app"
    timeout 600 dotnet "$bench" seed-dossier --connection "$ConnectionStrings__Default" --application "$dossier_app" --mb "$DOSSIER_MB" >&2
  fi
fi
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d smezones_bench -qc 'VACUUM ANALYZE' >&2

step "portal (Release, Production) on $url"
# Run from the project folder, as `make run` does from the root, so the content root holds wwwroot.
( cd src/SmeZones.Web && ASPNETCORE_ENVIRONMENT=Production Portal__AllowUnencryptedKeys=true exec dotnet "$web" --urls "$url" ) >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 100); do
  curl -fsS "$url/health/live" >/dev/null 2>&1 && break
  kill -0 "$portal_pid" 2>/dev/null || { echo "bench: the portal exited" >&2; cat "$work/portal.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$url/health/ready" >/dev/null

# The portal's resident memory every 0.2 s for the whole run, as a cross-check of VmHWM.
( while kill -0 "$portal_pid" 2>/dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$portal_pid/status" 2>/dev/null; sleep 0.2; done ) >"$work/rss.txt" &
sampler_pid=$!

# With MEASURE_DIR: the runtime's counters (GC collections, allocation rate, heap sizes) every 5 s for the whole run.
counters_pid=""
if [ -n "$MEASURE_DIR" ]; then
  mkdir -p "$MEASURE_DIR"
  "$HOME/.dotnet/tools/dotnet-counters" collect -p "$portal_pid" --counters System.Runtime --refresh-interval 5 --format csv \
    -o "$MEASURE_DIR/counters-whole-run.csv" >/dev/null 2>&1 &
  counters_pid=$!
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
step "load: $CLIENTS clients, $ROUNDS rounds of 4 phases, ${WARMUP}s warm-up + ${DURATION}s each"
load_status=0
pg_pid=$(head -n 1 "$work/pg/postmaster.pid")
if [ "$SECTION_PHASES" = 1 ]; then
  timeout 540 dotnet "$bench" load --ids "$work/ids.tsv" --url "$url" --clients "$CLIENTS" --rounds "$ROUNDS" --warmup "$WARMUP" \
    --duration "$DURATION" --section "$SECTION" --pid "$portal_pid" --pg-pid "$pg_pid" --connection "$ConnectionStrings__Default" \
    --out "$work/results.md" >/dev/null || load_status=$?
fi
# The same section's form work in-process, to read the HTTP figures against.
section=$(sed -n 's/^| section `\([a-z]*\)` ← benchmarked.*/\1/p' "$work/results.md" 2>/dev/null | head -n 1 || true)
[ "$SECTION_PHASES" = 1 ] && { timeout 60 dotnet "$bench" parts --section "${section:-service}" --out "$work/parts.md" >/dev/null || true; }
rss_after_sections=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$portal_pid/status")
[ "$SECTION_PHASES" = 1 ] && measure after-sections
if [ "$STOP_AFTER" = lists ] || [ -n "$MEASURE_DIR" ]; then
  lists_dossier=""  # the dossier runs on its own below (after the measurement), or not at all
else
  lists_dossier=${dossier_app:-}
fi
if [ "$SUBMITTED" -gt 0 ] && [ "$STOP_AFTER" != sections ]; then
  step "lists: inbox and national list pages, national .xlsx against COPY, dossier of $DOSSIER_MB MiB"
  lists_load=$(cut -d' ' -f1-3 /proc/loadavg)
  timeout 900 dotnet "$bench" lists --url "$url" --campaign "$campaign" --pid "$portal_pid" --connection "$ConnectionStrings__Default" \
    ${lists_dossier:+--dossier "$lists_dossier" --dossier-mb "$DOSSIER_MB"} --out "$work/lists.md" >/dev/null || load_status=$?
  measure after-lists
  if [ -n "$MEASURE_DIR" ] && [ "$STOP_AFTER" != lists ] && [ -n "${dossier_app:-}" ]; then
    timeout 300 dotnet "$bench" lists --url "$url" --pid "$portal_pid" --only dossier --dossier "$dossier_app" --dossier-mb "$DOSSIER_MB" \
      --out "$work/dossier.md" >/dev/null || load_status=$?
    cat "$work/dossier.md" >>"$work/lists.md"
  fi
fi

if [ "$PDF_PHASES" = 1 ] && [ -z "$STOP_AFTER" ]; then
  step "PDFs: cold, warm, $PDF_BURST at once, $PDF_MANY with Chromium's memory"
  timeout 600 dotnet "$bench" pdf --ids "$work/ids.tsv" --url "$url" --pid "$portal_pid" --burst "$PDF_BURST" --many "$PDF_MANY" \
    --out "$work/pdf.md" >/dev/null || load_status=$?
fi

# dotnet-counters ignores SIGINT without a terminal; its CSV is written as it goes.
[ -n "$counters_pid" ] && { kill -TERM "$counters_pid" 2>/dev/null; wait "$counters_pid" 2>/dev/null || true; counters_pid=""; }
peak_sampled=$(sort -n "$work/rss.txt" | tail -n 1)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$portal_pid/status")
requests=$(grep -c 'HTTP ' "$work/portal.log" || true)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
step "done"
echo
cat "$work/results.md" 2>/dev/null || true
echo
cat "$work/parts.md" 2>/dev/null || true
[ -f "$work/lists.md" ] && { echo "Lists ($SUBMITTED submitted applications; load average before the lists phases: $lists_load)"; echo; cat "$work/lists.md"; echo; }
[ -f "$work/pdf.md" ] && { echo "PDFs of one complete zone-2026 application"; echo; cat "$work/pdf.md"; echo; }
[ "$SECTION_PHASES" = 1 ] && echo "Portal VmRSS after the section phases (and the per-page CPU, PDF and in-process steps): $rss_after_sections MiB."
echo "Portal peak memory: VmHWM $((hwm / 1024)) MiB; highest VmRSS sampled every 0.2 s over the run $((${peak_sampled:-0} / 1024)) MiB; $requests requests logged."
echo "Load average (1/5/15 min) before the load phases: $load_before; after: $load_after (anything above ~0 before means other work shared the cores)."
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version); whole run ${SECONDS}s."
exit "$load_status"
