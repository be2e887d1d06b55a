-- Webhook endpoints of a company and the outbox of their deliveries (docs/webhooks.md).
-- An endpoint's signing secret is never stored: it is derived from the pepper, the endpoint's id and
-- secret_version; previous_secret_until is when the secret before a rotation stops signing.
create table webhook_endpoint (
    id varchar(36) primary key,
    company_id varchar(36) not null,
    url varchar(2048) not null,
    events varchar(1000) not null,
    secret_version integer not null,
    previous_secret_until timestamp with time zone,
    created_at timestamp with time zone not null,
    created_by varchar(36),
    failing_since timestamp with time zone,
    disabled_at timestamp with time zone
);
create index ix_webhook_endpoint_company on webhook_endpoint (company_id);

-- The outbox: one row per event and endpoint, written in the transaction of the change it reports.
-- A server claims a due row by a conditional update (claimed_until: its lease) before it sends it;
-- a server killed mid-delivery leaves a lease that runs out, and another server sends it again.
create table webhook_delivery (
    id varchar(36) primary key,
    message_id varchar(64) not null,
    endpoint_id varchar(36) not null,
    company_id varchar(36) not null,
    event_type varchar(64) not null,
    payload varchar(8000) not null,
    created_at timestamp with time zone not null,
    status varchar(16) not null,
    attempts integer not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_by varchar(64),
    claimed_until timestamp with time zone,
    finished_at timestamp with time zone
);
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id);

-- Every attempt to send a delivery, for GET /v4/webhook-endpoint/{id}/deliveries.
create table webhook_attempt (
    id varchar(36) primary key,
    delivery_id varchar(36) not null,
    endpoint_id varchar(36) not null,
    message_id varchar(64) not null,
    event_type varchar(64) not null,
    attempted_at timestamp with time zone not null,
    status_code integer,
    duration_ms bigint not null,
    error varchar(500)
);
create index ix_webhook_attempt_endpoint on webhook_attempt (endpoint_id, attempted_at);
