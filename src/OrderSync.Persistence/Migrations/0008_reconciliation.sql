-- One row per Walmart seller account for the reconciler (src/OrderSync.Worker/Reconciliation): when its last pass started,
-- so that instances take turns rather than each running one every interval, and until when Walmart's changes have been
-- compared, so that the next pass asks Walmart only for orders modified since.
create table if not exists reconciliation_seller (
    seller                 text primary key,
    pass_started_at        timestamptz,
    pass_completed_at      timestamptz,
    compared_until         timestamptz
);

-- When a pass last looked at the order, for ordersync orders show; written by the pass itself, so that a look that changes
-- nothing leaves updated_at, and with it the order's last sign of life, alone.
alter table order_sync_saga add column if not exists last_reconciled_at timestamptz;

-- The reconciler reads each seller's orders with open work, or changed since its last pass.
create index if not exists order_sync_saga_store_updated on order_sync_saga (store_code, updated_at);
