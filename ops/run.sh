#!/usr/bin/env bash
# The main job, on a fresh machine: RabbitMQ and PostgreSQL up, the Walmart sandbox seeded with sample orders, the worker
# started, the sample Commerce events published, and the sync results printed as Commerce receives them.
# The sandbox and the worker are left running for you to try more; `bash ops/run.sh stop` stops them.
#
#   bash ops/run.sh          start everything and run the sample events
#   bash ops/run.sh stop     stop the worker and the sandbox (ops/services.sh down stops RabbitMQ and PostgreSQL)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
run_dir="$root/.services/run"
sandbox_port="${ORDERSYNC_SANDBOX_PORT:-5080}"
sandbox_url="http://127.0.0.1:${sandbox_port}/"
samples_dir="$root/ops/samples"
mkdir -p "$run_dir"

say() { echo "run: $*" >&2; }

stop_process() {
  local name=$1 pid_file="$run_dir/$1.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    kill -TERM "$(cat "$pid_file")"
    for _ in $(seq 1 100); do kill -0 "$(cat "$pid_file")" 2>/dev/null || break; sleep 0.2; done
    say "stopped the $name"
  fi
  rm -f "$pid_file"
}

if [ "${1:-}" = "stop" ]; then
  stop_process worker
  stop_process sandbox
  exit 0
fi

command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK (dotnet) is not on PATH"; exit 1; }
command -v curl >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

[ -d "$samples_dir" ] || { say "the sample events are missing: $samples_dir"; exit 1; }
if curl -fs -o /dev/null "${sandbox_url}admin/calls" 2>/dev/null && [ ! -f "$run_dir/sandbox.pid" ]; then
  say "port $sandbox_port is taken by another program; set ORDERSYNC_SANDBOX_PORT to a free one"
  exit 1
fi

# On any failure from here on, stop what this run started, so that nothing is left half running.
watcher=
finished=0
clean_up() {
  if [ "$finished" -eq 0 ]; then
    [ -n "$watcher" ] && kill "$watcher" 2>/dev/null
    stop_process worker
    stop_process sandbox
  fi
}
trap clean_up EXIT

bash ops/services.sh up >/dev/null || { say "RabbitMQ and PostgreSQL did not start; .services/services.log says why"; exit 1; }
eval "$(bash ops/services.sh env)"

say "building"
dotnet build Integration.sln --nologo -v quiet -clp:ErrorsOnly >/dev/null \
  || { say "the build failed: dotnet build Integration.sln says why"; exit 1; }
bin=Debug/net10.0
ordersync() { dotnet "src/OrderSync.Cli/bin/$bin/ordersync.dll" "$@"; }

stop_process worker
stop_process sandbox

say "starting the Walmart sandbox on $sandbox_url (sample orders from src/OrderSync.Walmart.Sandbox/seed)"
dotnet "src/OrderSync.Walmart.Sandbox/bin/$bin/OrderSync.Walmart.Sandbox.dll" \
  --contentRoot "$root/src/OrderSync.Walmart.Sandbox" --urls "$sandbox_url" >"$run_dir/sandbox.log" 2>&1 &
echo $! >"$run_dir/sandbox.pid"
for _ in $(seq 1 100); do curl -fs "${sandbox_url}admin/calls" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "${sandbox_url}admin/calls" >/dev/null || { say "the sandbox did not start; see $run_dir/sandbox.log"; exit 1; }

say "starting the worker (log: $run_dir/worker.log)"
Walmart__BaseUrl="$sandbox_url" \
Walmart__Sellers__walmart_us__ClientId=sandbox-walmart-us Walmart__Sellers__walmart_us__ClientSecret=sandbox-secret-walmart-us \
Walmart__Sellers__walmart_ca__ClientId=sandbox-walmart-ca Walmart__Sellers__walmart_ca__ClientSecret=sandbox-secret-walmart-ca \
  dotnet "src/OrderSync.Worker/bin/$bin/OrderSync.Worker.dll" --contentRoot "$root/src/OrderSync.Worker" >"$run_dir/worker.log" 2>&1 &
echo $! >"$run_dir/worker.pid"
for _ in $(seq 1 150); do
  grep -q "Application started" "$run_dir/worker.log" && break
  kill -0 "$(cat "$run_dir/worker.pid")" 2>/dev/null || { cat "$run_dir/worker.log" >&2; say "the worker stopped"; exit 1; }
  sleep 0.2
done
grep -q "Application started" "$run_dir/worker.log" || { say "the worker did not start within 30 s; see $run_dir/worker.log"; exit 1; }

ready="$run_dir/results.ready"
rm -f "$ready"
ordersync results watch --count 3 --timeout 60 --ready-file "$ready" >"$run_dir/results.txt" 2>&1 &
watcher=$!
for _ in $(seq 1 100); do [ -f "$ready" ] && break; sleep 0.1; done

samples=("$samples_dir/shipment-saved.json" "$samples_dir/shipment-413-saved.json" "$samples_dir/track-saved.json" "$samples_dir/order-canceled.json")

# The sample events have fixed CloudEvent ids, and the worker applies an id once: a second run would sync nothing. Forget
# what an earlier run did for the sample orders (the sandbox above was seeded afresh), so that every run shows the results.
pos=$(grep -ho '"ext_order_id": *"[^"]*"' "${samples[@]}" | sed 's/.*: *"\(.*\)"/\1/' | sort -u | sed "s/.*/'&'/" | paste -sd, -)
pg_field() { echo "$ConnectionStrings__Postgres" | tr ';' '\n' | sed -n "s/^$1=//p"; }
PGPASSWORD="$(pg_field Password)" psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$(pg_field Database)" -q -v ON_ERROR_STOP=1 -c "
  delete from order_event_arrival where order_id in (select correlation_id from order_sync_saga where purchase_order_id in ($pos));
  delete from order_sync_outbox where correlation_id in (select correlation_id from order_sync_saga where purchase_order_id in ($pos));
  delete from walmart_call where purchase_order_id in ($pos);
  delete from walmart_operation where purchase_order_id in ($pos);
  delete from order_sync_saga where purchase_order_id in ($pos);" >/dev/null

say "publishing the sample Commerce events"
ordersync events publish "${samples[@]}"

status=0
wait "$watcher" || status=$?
echo
echo "Sync results published to channel-manager.sync-results:"
echo
cat "$run_dir/results.txt"
echo
if [ "$status" -ne 0 ]; then
  say "not every result arrived; the worker's log is $run_dir/worker.log"
  exit 1
fi
finished=1
say "the worker (pid $(cat "$run_dir/worker.pid")) and the sandbox ($sandbox_url) keep running; stop them with: bash ops/run.sh stop"
cat >&2 <<'NEXT'
run: next, from the repository:
  bash ops/new-order.sh                          a new order on the sandbox, its shipment and cancellation
  ops/ordersync orders show 108829735420014      the order's sync state and every Walmart call made for it
  ops/ordersync results watch --full             watch the next results, each with its whole CloudEvent
  ops/ordersync dead-letters list                what failed for good, grouped by reason
  bash ops/run.sh                                the samples again (their orders start afresh)
NEXT
