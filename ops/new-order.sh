#!/usr/bin/env bash
# A new sample order, for the sandbox and the worker that `bash ops/run.sh` left running: a Walmart order with two lines
# put on the sandbox, a Commerce shipment of its first line published and its result printed (`Partially Shipped`), and
# a Commerce cancellation of the rest written for you to publish next (`Canceled`). Each run makes a new order, with new
# CloudEvent ids, in .services/run/orders/<purchase order>/.
#
#   bash ops/new-order.sh                    an order of store walmart_us
#   bash ops/new-order.sh --store walmart_ca an order of another store configured by ops/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
run_dir="$root/.services/run"
sandbox_port="${ORDERSYNC_SANDBOX_PORT:-5080}"
sandbox_url="http://127.0.0.1:${sandbox_port}/"
store=walmart_us

say() { echo "new-order: $*" >&2; }
running() { [ -f "$run_dir/$1.pid" ] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null; }

while [ $# -gt 0 ]; do
  case "$1" in
    --store) [[ "${2:-}" =~ ^[A-Za-z0-9_-]+$ ]] || { say "--store takes a store code, e.g. --store walmart_us"; exit 64; }; store=$2; shift 2 ;;
    *) say "unknown argument '$1'; usage: bash ops/new-order.sh [--store CODE]"; exit 64 ;;
  esac
done

command -v curl >/dev/null 2>&1 || { say "curl is missing: run \`bash ops/run.sh\` first"; exit 1; }
curl -fs -o /dev/null "${sandbox_url}admin/calls" 2>/dev/null \
  || { say "the Walmart sandbox does not answer on $sandbox_url: run \`bash ops/run.sh\` first"; exit 1; }
running worker || { say "the worker is not running: run \`bash ops/run.sh\` first"; exit 1; }

# A fresh purchase order id (15 digits: the time in seconds, then 5 random digits) and fresh Commerce ids.
po="$(date +%s)$(printf '%05d' $((RANDOM % 100000)))"
order_id=$((RANDOM % 90000 + 10000))
uuid() { cat /proc/sys/kernel/random/uuid; }
now="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
dir="$run_dir/orders/$po"

out=$(curl -s --fail-with-body -X POST -H 'Content-Type: application/json' "${sandbox_url}admin/orders" --data @- <<JSON
{ "seller": "$store", "purchaseOrderId": "$po", "customerOrderId": "5${po:2:12}", "methodCode": "Standard",
  "lines": [
    { "lineNumber": "1", "sku": "WM-MUG-BLU", "quantity": 1, "status": "Acknowledged", "productName": "Blue Ceramic Mug" },
    { "lineNumber": "2", "sku": "WM-LAMP-GRN", "quantity": 1, "status": "Acknowledged", "productName": "Green Desk Lamp" } ] }
JSON
) || { say "the sandbox did not take the order: ${out:-no answer from $sandbox_url}"; exit 1; }
mkdir -p "$dir"
say "order $po (store $store) is on the sandbox: ${sandbox_url}admin/orders/$po"

cat >"$dir/shipment-saved.json" <<JSON
{ "specversion": "1.0", "id": "$(uuid)", "type": "com.adobe.commerce.observer.sales_order_shipment_save_after",
  "source": "urn:uuid:commerce-production.store-1", "time": "$now", "datacontenttype": "application/json",
  "data": { "key": "$(uuid)", "value": {
    "entity_id": "$((order_id + 1))", "increment_id": "0000$((order_id + 1))", "order_id": "$order_id",
    "order_increment_id": "0000$order_id", "ext_order_id": "$po", "store_code": "$store", "created_at": "$(date -u '+%Y-%m-%d %H:%M:%S')",
    "items": [ { "order_item_id": "${order_id}1", "sku": "WM-MUG-BLU", "qty": "1.0000" } ],
    "tracks": [ { "entity_id": "${order_id}9", "carrier_code": "ups", "title": "United Parcel Service", "track_number": "1Z999AA1${po:5:10}" } ] } } }
JSON
cat >"$dir/order-canceled.json" <<JSON
{ "specversion": "1.0", "id": "$(uuid)", "type": "com.adobe.commerce.observer.sales_order_save_after",
  "source": "urn:uuid:commerce-production.store-1", "time": "$now", "datacontenttype": "application/json",
  "data": { "key": "$(uuid)", "value": {
    "entity_id": "$order_id", "increment_id": "0000$order_id", "ext_order_id": "$po", "store_code": "$store",
    "state": "canceled", "status": "canceled", "cancellation_reason": "out_of_stock",
    "items": [
      { "item_id": "${order_id}1", "sku": "WM-MUG-BLU", "qty_ordered": "1.0000", "qty_shipped": "1.0000", "qty_canceled": "0.0000" },
      { "item_id": "${order_id}2", "sku": "WM-LAMP-GRN", "qty_ordered": "1.0000", "qty_shipped": "0.0000", "qty_canceled": "1.0000" } ],
    "_origData": { "state": "processing", "status": "processing" } } } }
JSON

# Listen for the result before publishing, so that it cannot pass unseen.
ready="$dir/results.ready"
rm -f "$ready"
ops/ordersync results watch --count 1 --timeout 60 --ready-file "$ready" >"$dir/shipment-result.txt" 2>&1 &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -f "$ready" ] && break; kill -0 "$watcher" 2>/dev/null || break; sleep 0.1; done
[ -f "$ready" ] || { cat "$dir/shipment-result.txt" >&2; say "could not listen for results (see above)"; exit 1; }

say "publishing the shipment of line 1: $dir/shipment-saved.json"
ops/ordersync events publish "$dir/shipment-saved.json"
status=0
wait "$watcher" || status=$?
echo
cat "$dir/shipment-result.txt"
echo
[ "$status" -eq 0 ] || { say "no result within 60 s; the worker's log is $run_dir/worker.log"; exit 1; }

cat >&2 <<NEXT
new-order: next, from the repository:
  ops/ordersync results watch --count 1          in a second terminal first: waits for the next result
  ops/ordersync events publish .services/run/orders/$po/order-canceled.json
                                                 Commerce cancels the rest as out of stock: the watch shows Canceled
  ops/ordersync orders show $po      the order's sync state and every Walmart call made for it
  bash ops/new-order.sh                          another new order
NEXT
