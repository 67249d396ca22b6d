-- What the retention job (src/OrderSync.Worker/Retention) needs to delete old rows in small batches, each batch found
-- through an index rather than a scan.

-- Whether an order has nothing left to do: every operation succeeded or failed, no event held, no track waiting for its
-- shipment, every shipment synced or failed, and every Walmart line shipped or cancelled. An order in Error with lines
-- still open is not finished: a late copy of its events could still ship them, so it waits for Retention:IdleOrders.
-- The argument is the worker's OrderSyncState as JSON (PascalCase, enums as numbers: an operation's Status 2 succeeded and
-- 3 failed, a shipment's 2 synced and 3 failed). Anything of another shape counts as not finished, and the silent path
-- functions never raise, so that a saga row this index cannot read is still saved.
create or replace function order_sync_saga_finished(data jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select jsonb_path_query_array(data, '$.Operations[*] ? (@.Status == 2 || @.Status == 3)', '{}', true)
               = jsonb_path_query_array(data, '$.Operations[*]', '{}', true)
       and jsonb_path_query_array(data, '$.Shipments[*] ? (@.Status == 2 || @.Status == 3)', '{}', true)
               = jsonb_path_query_array(data, '$.Shipments[*]', '{}', true)
       and not jsonb_path_exists(data, '$.HeldEvents[*]', '{}', true)
       and not jsonb_path_exists(data, '$.PendingTracks[*]', '{}', true)
       and jsonb_path_exists(data, '$.WalmartLines[*]', '{}', true)
       and jsonb_path_query_array(data, '$.WalmartLines[*] ? (@.Shipped + @.Cancelled >= @.Quantity)', '{}', true)
               = jsonb_path_query_array(data, '$.WalmartLines[*]', '{}', true)
$$;

-- "if not exists": on a large database these can be built beforehand with "create index concurrently" (ops/RUNBOOK.md).
create index if not exists order_sync_saga_finished on order_sync_saga (updated_at) where order_sync_saga_finished(data);
create index if not exists order_sync_saga_updated_at on order_sync_saga (updated_at);
create index if not exists walmart_call_called_at on walmart_call (called_at);
create index if not exists order_event_arrival_arrived_at on order_event_arrival (arrived_at);
create index if not exists dead_letter_archive_archived_at on dead_letter_archive (archived_at);
