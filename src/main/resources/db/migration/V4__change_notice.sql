-- What each server's verification cache must forget: one row per change of a credential or a user
-- that can refuse a request (revocation, deactivation, rotation, role change, deletion), written
-- in the transaction of the change. Every server reads the rows of the last seconds a few times a
-- second; rows older than an hour are deleted.
create table change_notice (
    id           varchar(36)  primary key,
    kind         varchar(12)  not null check (kind in ('CREDENTIAL', 'USER')),
    target_id    varchar(36)  not null,
    recorded_at  timestamp with time zone not null
);
create index ix_change_notice_time on change_notice (recorded_at);
