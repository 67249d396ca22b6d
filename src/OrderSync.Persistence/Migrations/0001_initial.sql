-- One row per Walmart purchase order: the saga's whole state as jsonb, with a version for optimistic checks.
create table order_sync_saga (
    correlation_id    uuid primary key,
    current_state     text generated always as (data ->> 'CurrentState') stored,
    version           integer     not null,
    data              jsonb       not null,
    store_code        text generated always as (data ->> 'StoreCode') stored,
    purchase_order_id text generated always as (data ->> 'PurchaseOrderId') stored,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index order_sync_saga_purchase_order on order_sync_saga (purchase_order_id);

-- One row per operation the saga asked for: the Walmart lines it settled on before its first call,
-- so that a retry after a timeout targets the same lines and never ships or cancels others.
create table walmart_operation (
    operation_id      uuid primary key,
    correlation_id    uuid        not null,
    store_code        text        not null,
    purchase_order_id text        not null,
    kind              text        not null,
    causation_id      text        not null,
    planned_lines     jsonb,
    status            text        not null default 'pending',
    attempts          integer     not null default 0,
    last_error        text,
    result            jsonb,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index walmart_operation_purchase_order on walmart_operation (purchase_order_id, created_at);

-- Every HTTP call made to Walmart, successful or not.
create table walmart_call (
    id                bigint generated always as identity primary key,
    operation_id      uuid,
    store_code        text        not null,
    purchase_order_id text        not null,
    operation         text        not null,
    lines             jsonb,
    correlation_id    text        not null,
    http_status       integer,
    outcome           text        not null,
    message           text,
    walmart_errors    jsonb,
    duration_ms       double precision not null,
    attempt           integer     not null,
    called_at         timestamptz not null default now()
);

create index walmart_call_purchase_order on walmart_call (purchase_order_id, called_at);
create index walmart_call_operation on walmart_call (operation_id);

-- Dead letters purged by an operator: kept here, body and all, so nothing is ever lost.
create table dead_letter_archive (
    id            bigint generated always as identity primary key,
    message_id    text,
    queue         text        not null,
    reason        text,
    headers       jsonb       not null,
    body          bytea       not null,
    content_type  text,
    archived_at   timestamptz not null default now(),
    archived_by   text
);
