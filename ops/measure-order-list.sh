#!/usr/bin/env bash
# Measures `ordersync orders list` on a database of a million orders (docs/operating.md, "orders list on a million orders").
# Creates a database of its own (ordersync_order_list_measure) on the local PostgreSQL of ops/services.sh, applies the
# migrations, seeds ORDERS saga rows (default 1,000,000) shaped as the worker writes them, then times each form of the
# command once, after one warm-up run, and prints the plans. Run it by hand; no test runs it.
#
#   bash ops/measure-order-list.sh            # seed (if not seeded yet) and measure
#   ORDERS=200000 bash ops/measure-order-list.sh
#   bash ops/measure-order-list.sh drop       # remove the database
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orders="${ORDERS:-1000000}"
database=ordersync_order_list_measure

eval "$(bash "$root/ops/services.sh" env)"
admin="$(echo "$ConnectionStrings__Postgres" | sed -E 's/.*Host=([^;]+);Port=([^;]+);Username=([^;]+);Password=([^;]+);Database=([^;]+).*/postgresql:\/\/\3:\4@\1:\2\/\5/')"
target="${admin%/*}/$database"

if [ "${1:-}" = drop ]; then
  psql "$admin" -qc "drop database if exists $database"
  exit 0
fi

if ! psql "$admin" -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
  psql "$admin" -qc "create database $database"
  for migration in "$root"/src/OrderSync.Persistence/Migrations/*.sql; do
    psql "$target" -q -v ON_ERROR_STOP=1 -f "$migration" >/dev/null
  done
fi

seeded="$(psql "$target" -tAc "select count(*) from order_sync_saga")"
if [ "$seeded" -lt "$orders" ]; then
  echo "measure: seeding $((orders - seeded)) orders (about a minute per 500,000 on 2 cores)" >&2
  start=$(date +%s)
  # Statuses as a busy month might hold them: mostly Shipped, some Partially Shipped and Canceled, 1% Error, 0.5% Pending
  # (half of those owing Walmart an event); 4 stores; changed over the last 90 days; a state document of about 2 KB.
  psql "$target" -q -v ON_ERROR_STOP=1 <<SQL
insert into order_sync_saga (correlation_id, version, data, created_at, updated_at, sync_status, unsynced_since)
select gen_random_uuid(), 3,
       jsonb_build_object(
           'PurchaseOrderId', (100000000000000 + n)::text,
           'StoreCode', (array['walmart_us', 'walmart_ca', 'walmart_mx', 'walmart_b2b'])[1 + n % 4],
           'OrderIncrementId', lpad(n::text, 9, '0'),
           'OrderStatus', case when status = 'Pending' then null else status end,
           'LastError', case when status = 'Error' then 'Walmart refused line 2: [INVALID_REQUEST] trackingNumber is not valid for carrier UPS' end,
           'AppliedEventIds', jsonb_build_array(gen_random_uuid(), gen_random_uuid()),
           'Shipments', jsonb_build_array(jsonb_build_object('ShipmentId', n, 'IncrementId', n, 'Status', 2, 'Items',
               jsonb_build_array(jsonb_build_object('OrderItemId', n, 'Sku', 'WM-MUG-BLU', 'Quantity', 2)), 'Track',
               jsonb_build_object('CarrierCode', 'ups', 'Title', 'UPS', 'TrackNumber', '1Z999AA10123456784'))),
           'Operations', jsonb_build_array(jsonb_build_object('OperationId', gen_random_uuid(), 'Kind', 0, 'Status', 2)),
           'WalmartLines', jsonb_build_array(jsonb_build_object('LineNumber', '1', 'Sku', 'WM-MUG-BLU', 'Quantity', 2, 'Shipped', 2, 'Cancelled', 0)),
           'Padding', repeat('x', 1200)),
       changed - interval '3 days', changed, status,
       case when status = 'Pending' and n % 2 = 0 then changed end
from (
    select n,
           now() - (random() * interval '90 days') as changed,
           case when n % 200 = 0 then 'Pending' when n % 100 = 1 then 'Error' when n % 10 = 2 then 'Partially Shipped'
                when n % 20 = 3 then 'Canceled' else 'Shipped' end as status
    from generate_series($seeded + 1, $orders) as n
) as seed;
vacuum analyze order_sync_saga;
SQL
  echo "measure: seeded in $(( $(date +%s) - start )) s" >&2
fi

export ConnectionStrings__Postgres="${ConnectionStrings__Postgres%Database=*}Database=$database"
cli="$root/ops/ordersync"
echo "orders: $(psql "$target" -tAc "select count(*) from order_sync_saga"), table and indexes: $(psql "$target" -tAc "select pg_size_pretty(pg_total_relation_size('order_sync_saga'))")"
for arguments in "orders list" "orders list --status Error" "orders list --status Error --json" "orders list --store walmart_ca --since 7d" \
  "orders list --store walmart_mx --status Pending --limit 200" "status --json"; do
  # shellcheck disable=SC2086
  "$cli" $arguments >/dev/null 2>&1 || true
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$cli" $arguments >/dev/null
  echo "ordersync $arguments: $(( ($(date +%s%N) - start) / 1000000 )) ms (the whole process: .NET start-up included)"
done

echo
echo "Plans (database time alone):"
psql "$target" -c "explain (analyze, costs off, timing on) select purchase_order_id, store_code, data ->> 'OrderIncrementId', sync_status, updated_at, data ->> 'LastError' from order_sync_saga where sync_status is not null and sync_status = 'Error' order by updated_at desc limit 50" \
  | grep -E "Index|Scan|Execution|Limit"
psql "$target" -c "explain (analyze, costs off, timing on) select sync_status, count(*) from order_sync_saga where sync_status is not null group by sync_status" \
  | grep -E "Index|Scan|Execution|Aggregate"
psql "$target" -c "explain (analyze, costs off, timing on) select store_code, count(*), min(unsynced_since) from order_sync_saga where unsynced_since is not null group by store_code" \
  | grep -E "Index|Scan|Execution|Aggregate"
