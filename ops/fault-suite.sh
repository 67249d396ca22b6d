#!/usr/bin/env bash
# ops/fault-suite.sh: the fault suite (tests with [Trait("Category", "FaultSuite")]), on a RabbitMQ and PostgreSQL of its own.
#
#   bash ops/fault-suite.sh [--no-build] [extra dotnet test arguments]
#
# The scenarios stop RabbitMQ or PostgreSQL under load, which would break any other test using them, so they never run in the
# normal test run (ops/test.sh filters them out, then calls this script unless ORDERSYNC_FAULT_SUITE=0). This script:
#   1. starts a second services instance (ops/services.sh with ORDERSYNC_STATE_DIR=<repo>/.services/faults and other ports:
#      AMQP 5682, management 15682, prometheus 15702, Erlang distribution 25682, PostgreSQL 5442; epmd is shared);
#   2. builds (unless --no-build) and runs `dotnet test tests/OrderSync.IntegrationTests --filter Category=FaultSuite`, telling the
#      tests how to stop and start those services (ORDERSYNC_FAULT_SERVICES_SCRIPT);
#   3. writes the TRX to artifacts/test-results/fault-suite/, the workers' logs to .../fault-suite/logs/, and the report of the
#      run (load, faults, inputs, events lost) to .../fault-suite/fault-suite.md;
#   4. stops that instance, whatever happened, and ends with the line "N passed, N failed" (on stderr, prefixed
#      "fault-suite: ", when ops/test.sh runs it, as its own closing line counts both runs).
# Ports: ORDERSYNC_FAULT_RABBITMQ_PORT, _MANAGEMENT_PORT, _PROMETHEUS_PORT, _DIST_PORT, ORDERSYNC_FAULT_POSTGRES_PORT;
# state folder: ORDERSYNC_FAULT_STATE_DIR. ORDERSYNC_FAULT_KEEP_SERVICES=1 leaves the instance running afterwards;
# ORDERSYNC_FAULT_KEEP_WORLD=1 keeps each scenario's virtual host and database to look into; ORDERSYNC_FAULT_FILTER=Name runs
# only the scenarios whose test name contains Name (e.g. WorkerKilled).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
artifacts="$root/artifacts/test-results/fault-suite"

# Called by ops/test.sh, whose own closing line counts these too: the count goes to stderr, prefixed, so that line stays the only one.
summary() {
  if [ "${ORDERSYNC_FAULT_SUITE_NESTED:-0}" = "1" ]; then echo "fault-suite: $1" >&2; else echo "$1"; fi
}

build=1
if [ "${1:-}" = "--no-build" ]; then
  build=0
  shift
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "fault-suite: the .NET SDK (dotnet) is not on PATH; install .NET 10 first" >&2
  summary "0 passed, 1 failed"
  exit 1
fi

# The fault instance's own state folder and ports; epmd (ORDERSYNC_EPMD_PORT) may be shared with the main instance.
export ORDERSYNC_STATE_DIR="${ORDERSYNC_FAULT_STATE_DIR:-$root/.services/faults}"
export ORDERSYNC_RABBITMQ_PORT="${ORDERSYNC_FAULT_RABBITMQ_PORT:-5682}"
export ORDERSYNC_RABBITMQ_MANAGEMENT_PORT="${ORDERSYNC_FAULT_RABBITMQ_MANAGEMENT_PORT:-15682}"
export ORDERSYNC_RABBITMQ_PROMETHEUS_PORT="${ORDERSYNC_FAULT_RABBITMQ_PROMETHEUS_PORT:-15702}"
export ORDERSYNC_RABBITMQ_DIST_PORT="${ORDERSYNC_FAULT_RABBITMQ_DIST_PORT:-25682}"
export ORDERSYNC_POSTGRES_PORT="${ORDERSYNC_FAULT_POSTGRES_PORT:-5442}"
services="ORDERSYNC_STATE_DIR='$ORDERSYNC_STATE_DIR' ORDERSYNC_RABBITMQ_PORT=$ORDERSYNC_RABBITMQ_PORT"
services+=" ORDERSYNC_RABBITMQ_MANAGEMENT_PORT=$ORDERSYNC_RABBITMQ_MANAGEMENT_PORT ORDERSYNC_RABBITMQ_PROMETHEUS_PORT=$ORDERSYNC_RABBITMQ_PROMETHEUS_PORT"
services+=" ORDERSYNC_RABBITMQ_DIST_PORT=$ORDERSYNC_RABBITMQ_DIST_PORT ORDERSYNC_POSTGRES_PORT=$ORDERSYNC_POSTGRES_PORT"
export ORDERSYNC_FAULT_SERVICES_SCRIPT="$services bash '$root/ops/services.sh'"
export ORDERSYNC_FAULT_ARTIFACTS="$artifacts"

stop_services() {
  if [ "${ORDERSYNC_FAULT_KEEP_SERVICES:-0}" != "1" ]; then
    bash ops/services.sh down || echo "fault-suite: could not stop the fault services ($ORDERSYNC_STATE_DIR)" >&2
  fi
}

started=$SECONDS
rm -rf "$artifacts"
mkdir -p "$artifacts"

if ! bash ops/services.sh up >/dev/null; then
  echo "fault-suite: could not start the fault suite's RabbitMQ and PostgreSQL" >&2
  stop_services
  summary "0 passed, 1 failed"
  exit 1
fi
trap stop_services EXIT
eval "$(bash ops/services.sh env)"

if [ "$build" -eq 1 ]; then
  dotnet build tests/OrderSync.IntegrationTests --nologo -clp:ErrorsOnly -warnaserror ||
    { echo "fault-suite: the build failed" >&2; summary "0 passed, 1 failed"; exit 1; }
fi

filter="Category=FaultSuite"
if [ -n "${ORDERSYNC_FAULT_FILTER:-}" ]; then filter+="&FullyQualifiedName~$ORDERSYNC_FAULT_FILTER"; fi
dotnet test tests/OrderSync.IntegrationTests --no-build --nologo --filter "$filter" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$artifacts" \
  --blame-hang-timeout 10m "$@"
status=$?

source "$root/ops/lib/trx-counts.sh"
trx_counts "$status" "$artifacts"/*.trx

# The scenarios write the report as they finish (FaultReport.cs); this adds how long the whole phase took.
if [ -f "$artifacts/fault-suite.md" ]; then
  printf '\nThe fault phase took %d s, from start to end of `bash ops/fault-suite.sh` (%s).\n' \
    $((SECONDS - started)) "$(date -u '+%Y-%m-%d %H:%M UTC')" >>"$artifacts/fault-suite.md"
  echo "fault-suite: report in ${artifacts#"$root"/}/fault-suite.md ($((SECONDS - started)) s)" >&2
fi

summary "$passed passed, $failed failed"
if [ "$total" -eq 0 ]; then
  echo "fault-suite: no test ran" >&2
  exit 1
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
