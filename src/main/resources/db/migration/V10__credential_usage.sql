-- Requests per credential and UTC day: served (success), refused after the secret was proven
-- (plan, scope, user header, role, status), and wrong secrets for an existing API key id (failed).
-- Each server counts in memory and adds its counts every few seconds (success = success + ?), so
-- several servers add up; pruned by the sweep after apiauth.usage.retention.
create table credential_usage (
    credential_id varchar(36) not null,
    usage_day date not null,
    success bigint not null default 0,
    refused bigint not null default 0,
    failed bigint not null default 0,
    primary key (credential_id, usage_day)
);
create index ix_credential_usage_day on credential_usage (usage_day);
