#!/usr/bin/env bash
# ops/benchmark.sh: the performance benchmark (ops/OrderSync.Benchmark) against a real RabbitMQ and PostgreSQL, the Walmart
# sandbox and the worker, each its own process, as Release builds. Writes artifacts/benchmark/<timestamp>/report.md and PNG
# charts, and copies them to docs/benchmark/ for the README.
#
#   bash ops/benchmark.sh                 full run: a 10,000-event burst, 100 events/s for 60 s, 10 throttled sellers (three workers),
#                                         a 100,000-event backlog (about 18 min on 2 cores shared with other builds)
#   bash ops/benchmark.sh --quick         everything scaled down (2,000 events, 20 s, 10,000 backlog): a few minutes
#   bash ops/benchmark.sh --scenarios throughput,steady   only some (throughput, steady, throttled, backlog)
#   bash ops/benchmark.sh --no-docs       leave docs/benchmark alone
#   bash ops/benchmark.sh --keep-services leave the benchmark's RabbitMQ and PostgreSQL running afterwards
#   bash ops/benchmark.sh --profile       also sample the worker's threads with dotnet-trace (installed from NuGet) for 30 s
#                                         of scenario 1: worker-trace.speedscope.json beside the report
#   bash ops/benchmark.sh --perf          also sample every core with perf (apt-get install linux-perf) for 10 s of scenario 1,
#                                         the .NET processes with perf maps: cpu-profile.md (the worker by part, PostgreSQL by
#                                         activity) and perf.data beside the report; perf slows what it samples, so a run with it
#                                         is for finding where the time goes, not for the figures
#   Any other option goes to the benchmark program: --events N, --orders N, --steady-rate N, --steady-seconds N,
#   --throttled-events N, --backlog-events N, --seed N, --output DIR.
#
# The benchmark has a RabbitMQ and a PostgreSQL of its own (ops/services.sh with the state folder .services-benchmark and
# ports 5691/15691/15711/25691/5451; override with ORDERSYNC_BENCHMARK_STATE_DIR and the ORDERSYNC_*_PORT variables), so that
# test runs on the development services neither disturb it nor are disturbed, and so that its PostgreSQL can load
# pg_stat_statements to count the database's statements. They are stopped at the end unless --keep-services.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { echo "benchmark.sh: $*" >&2; }

keep_services=0
profile=0
perf=0
args=()
for arg in "$@"; do
  case "$arg" in
    --keep-services) keep_services=1 ;;
    --profile) profile=1 ;;
    --perf) perf=1 ;;
    -h | --help)
      sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) args+=("$arg") ;;
  esac
done

command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK (dotnet) is not on PATH"; exit 1; }

export ORDERSYNC_STATE_DIR="${ORDERSYNC_BENCHMARK_STATE_DIR:-$root/.services-benchmark}"
export ORDERSYNC_RABBITMQ_PORT="${ORDERSYNC_RABBITMQ_PORT:-5691}"
export ORDERSYNC_RABBITMQ_MANAGEMENT_PORT="${ORDERSYNC_RABBITMQ_MANAGEMENT_PORT:-15691}"
export ORDERSYNC_RABBITMQ_PROMETHEUS_PORT="${ORDERSYNC_RABBITMQ_PROMETHEUS_PORT:-15711}"
export ORDERSYNC_RABBITMQ_DIST_PORT="${ORDERSYNC_RABBITMQ_DIST_PORT:-25691}"
export ORDERSYNC_POSTGRES_PORT="${ORDERSYNC_POSTGRES_PORT:-5451}"

# Charts need a font: SkiaSharp finds one through fontconfig.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing fontconfig and fonts-dejavu-core for the charts"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fontconfig fonts-dejavu-core >/dev/null
  else
    say "no fonts found (fontconfig); the charts may have no text: apt-get install fontconfig fonts-dejavu-core"
  fi
fi

stop_services() {
  if [ "$keep_services" -eq 0 ]; then
    bash ops/services.sh down >/dev/null 2>&1 || true
  fi
}

bash ops/services.sh up >/dev/null
trap stop_services EXIT
eval "$(bash ops/services.sh env)"

# pg_stat_statements (shipped with PostgreSQL, loaded only when preloaded) counts every statement of each database.
pg_data="$ORDERSYNC_STATE_DIR/postgres/data"
pg_bin="/usr/lib/postgresql/$(cat "$pg_data/PG_VERSION")/bin"
if [ "$(id -u)" -eq 0 ]; then pg_super=postgres; as_pg=(runuser -u postgres --); else pg_super=$(id -un); as_pg=(); fi
psql_super() { (cd /tmp && PGOPTIONS="-c client_min_messages=warning" "${as_pg[@]}" "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$ORDERSYNC_STATE_DIR/postgres/run" -p "$ORDERSYNC_POSTGRES_PORT" -U "$pg_super" "$@"); }
if [ -f "$(dirname "$pg_bin")/lib/pg_stat_statements.so" ]; then
  if ! psql_super -d postgres -c 'show shared_preload_libraries' | grep -q pg_stat_statements; then
    say "loading pg_stat_statements into the benchmark's PostgreSQL (restarts it once)"
    psql_super -d postgres -c "alter system set shared_preload_libraries = 'pg_stat_statements'"
    bash ops/services.sh down >/dev/null
    bash ops/services.sh up >/dev/null
  fi
  psql_super -d integration -c 'create extension if not exists pg_stat_statements'
  psql_super -d postgres -c 'grant pg_read_all_stats to app'
else
  say "pg_stat_statements is not installed; database work is counted in transactions"
fi

say "building the worker, the sandbox and the benchmark (Release)"
for project in src/OrderSync.Worker src/OrderSync.Walmart.Sandbox ops/OrderSync.Benchmark; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null || {
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
    exit 1
  }
done

if [ "$profile" -eq 1 ]; then
  tools="$ORDERSYNC_STATE_DIR/tools"
  if [ ! -x "$tools/dotnet-trace" ]; then
    say "installing dotnet-trace into $tools"
    dotnet tool install dotnet-trace --tool-path "$tools" >/dev/null
  fi
  args+=(--trace-worker "$tools/dotnet-trace")
fi

if [ "$perf" -eq 1 ]; then
  command -v perf >/dev/null 2>&1 || { say "--perf needs perf on PATH: apt-get install linux-perf"; exit 1; }
  # Names for JIT-compiled code in /tmp/perf-<pid>.map; W^X off, or perf finds the code at addresses no map names.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  args+=(--perf "$(command -v perf)")
fi

status=0
dotnet ops/OrderSync.Benchmark/bin/Release/net10.0/OrderSync.Benchmark.dll \
  --repo-root "$root" --services-state "$ORDERSYNC_STATE_DIR" "${args[@]}" || status=$?
exit "$status"
