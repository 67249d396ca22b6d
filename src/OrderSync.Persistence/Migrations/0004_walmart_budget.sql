-- What each seller account's budget at Walmart looks like, as the worker instance calling for it last reported: what
-- `orders show` reads to say that an order waits for Walmart's budget. One row per account and endpoint, rewritten in place.
create table walmart_budget (
    seller             text        not null,
    endpoint           text        not null,
    store_codes        text[]      not null,
    learnt_per_minute  double precision not null,
    ceiling_per_minute double precision not null,
    waiting            integer     not null,
    held_until         timestamptz,
    updated_at         timestamptz not null default now(),
    primary key (seller, endpoint)
);
