-- What an order decided to send (Walmart operations, results, held events released, its timer), written in the same
-- transaction as its state in order_sync_saga and deleted once delivered. A row older than a few seconds was left by a
-- worker that stopped between its commit and the delivery: any instance delivers it again, in id order per order.
create table order_sync_outbox (
    id             bigint generated always as identity primary key,
    correlation_id uuid        not null,
    kind           text        not null,
    body           jsonb       not null,
    created_at     timestamptz not null default now()
);

create index order_sync_outbox_order on order_sync_outbox (correlation_id, id);
create index order_sync_outbox_age on order_sync_outbox (created_at);
