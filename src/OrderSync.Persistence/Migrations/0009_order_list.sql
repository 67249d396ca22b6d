-- What the operator's views (ordersync orders list and status, the on-call page, the backlog-age metric) filter, sort and
-- count by, written by the saga store when it saves the order, so that a list of a million orders reads indexes rather than
-- every saga document.

-- The order's status: Channel Manager's (Shipped, Partially Shipped, Canceled, Error), or Pending before any result.
alter table order_sync_saga add column if not exists sync_status text;

-- When the oldest Commerce event the worker still owes Walmart was sent; null when nothing is owed.
alter table order_sync_saga add column if not exists unsynced_since timestamptz;

-- Rows saved before this migration: their status as their state holds it. Their backlog shows once they are saved again.
update order_sync_saga set sync_status = coalesce(data ->> 'OrderStatus', 'Pending') where sync_status is null;

-- "if not exists": on a large database these can be built beforehand with "create index concurrently" (ops/RUNBOOK.md).
create index if not exists order_sync_saga_list_status on order_sync_saga (sync_status, updated_at desc);
create index if not exists order_sync_saga_list_store on order_sync_saga (store_code, sync_status, updated_at desc);
create index if not exists order_sync_saga_unsynced on order_sync_saga (store_code, unsynced_since) where unsynced_since is not null;
