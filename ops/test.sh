#!/usr/bin/env bash
# Runs every test: starts the real RabbitMQ and PostgreSQL (ops/services.sh), builds, runs the unit and integration tests,
# then the fault suite (ops/fault-suite.sh: scenarios that stop RabbitMQ or PostgreSQL, on services of their own, so they are
# left out of the first run; about 5 minutes on 2 cores; ORDERSYNC_FAULT_SUITE=0 skips it for a quick local run), and ends with
# one plain line "N passed, N failed" counting both runs. Exits non-zero on any failure, or when no test ran.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test: the .NET SDK (dotnet) is not on PATH; install .NET 10 first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

bash ops/services.sh up || { echo "test: could not start RabbitMQ and PostgreSQL" >&2; echo "0 passed, 1 failed"; exit 1; }
eval "$(bash ops/services.sh env)"

# Chromium, chromedriver and promtool, for the operator page's and the alert rules' tests; without them those tests fail.
bash ops/lib/install-test-tools.sh || echo "test: the browser and alert-rule tests will fail without the tools above" >&2

rm -rf "$results"
dotnet build Integration.sln --nologo -clp:ErrorsOnly -warnaserror || { echo "test: the build failed" >&2; echo "0 passed, 1 failed"; exit 1; }

dotnet test Integration.sln --no-build --nologo --filter "Category!=FaultSuite" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 5m "$@"
status=$?

# Its TRX goes to $results/fault-suite/, counted below with the first run's.
if [ "${ORDERSYNC_FAULT_SUITE:-1}" != "0" ]; then
  ORDERSYNC_FAULT_SUITE_NESTED=1 bash ops/fault-suite.sh --no-build || status=1
fi

source "$root/ops/lib/trx-counts.sh"
trx_counts "$status" "$results"/*.trx "$results"/fault-suite/*.trx
trx_failures "$results"/*.trx "$results"/fault-suite/*.trx

echo "test: RabbitMQ and PostgreSQL keep running for the next run (bash ops/services.sh status); stop them with: bash ops/services.sh down" >&2
echo "$passed passed, $failed failed"
if [ "$total" -eq 0 ]; then
  echo "test: no test ran" >&2
  exit 1
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
