-- Every dead letter an operator moved back to its queue. The row is written before the copy is published, so the worker,
-- on consuming a message that carries x-ordersync-requeue-id successfully, always finds it to set resolved_at.
create table dead_letter_requeue (
    requeue_id        uuid primary key,
    message_id        text,
    dead_letter_queue text        not null,
    target_queue      text        not null,
    reason            text,
    purchase_order_id text,
    requeued_at       timestamptz not null default now(),
    requeued_by       text,
    resolved_at       timestamptz
);

create index dead_letter_requeue_requeued_at on dead_letter_requeue (requeued_at);
create index dead_letter_requeue_message on dead_letter_requeue (message_id);
create index dead_letter_requeue_purchase_order on dead_letter_requeue (purchase_order_id);
