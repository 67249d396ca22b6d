-- The order in which the intake read each order's Commerce events. The saga applies an order's events in this order, on
-- any number of worker instances. Keyed by CloudEvent id as well, so that a copy of an event keeps the number of the first.
create table order_event_arrival (
    order_id   uuid        not null,
    event_id   text        not null,
    sequence   integer     not null,
    arrived_at timestamptz not null default now(),
    primary key (order_id, event_id),
    unique (order_id, sequence)
);
