-- Walmart's ship-by date of each order and whether the order still has work Walmart has not taken (a shipment not accepted,
-- a line open), written by the saga store when it saves the order, so that the ship-by metric reads an index rather than
-- every saga document. Rows saved before hold no ship-by in their state either: they stay out until saved again.
alter table order_sync_saga add column if not exists ship_by timestamptz;
alter table order_sync_saga add column if not exists has_open_work boolean not null default false;

-- Set once the worker has logged that the order passed its ship-by with work left, so that it is logged once, by one instance.
alter table order_sync_saga add column if not exists ship_by_passed_logged boolean not null default false;

create index if not exists order_sync_saga_ship_by on order_sync_saga (ship_by) where has_open_work;
