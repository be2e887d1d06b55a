-- Credential lifecycle: a stored status (the sweep moves expired ones to EXPIRED; every request
-- still checks the times itself), deactivation, rotation with a grace period, last use, and the
-- audit trail. The digest becomes nullable: it is erased a retention period after the end.

alter table api_key add column status varchar(12) default 'ACTIVE' not null;
alter table api_key add column deactivated_at timestamp with time zone;
alter table api_key add column replaced_by varchar(36);
alter table api_key add column rotated_from varchar(36);
alter table api_key add column grace_until timestamp with time zone;
alter table api_key add column last_used_at timestamp with time zone;
alter table api_key add column last_used_ip varchar(45);
alter table api_key add column expiry_warned_at timestamp with time zone;
alter table api_key add column digest_erased_at timestamp with time zone;
alter table api_key alter column secret_digest drop not null;
update api_key set status = 'REVOKED' where revoked_at is not null;
create index ix_api_key_status_expiry on api_key (status, expires_at);

alter table personal_access_token add column status varchar(12) default 'ACTIVE' not null;
alter table personal_access_token add column deactivated_at timestamp with time zone;
alter table personal_access_token add column replaced_by varchar(36);
alter table personal_access_token add column rotated_from varchar(36);
alter table personal_access_token add column grace_until timestamp with time zone;
alter table personal_access_token add column last_used_at timestamp with time zone;
alter table personal_access_token add column last_used_ip varchar(45);
alter table personal_access_token add column expiry_warned_at timestamp with time zone;
alter table personal_access_token add column digest_erased_at timestamp with time zone;
alter table personal_access_token alter column secret_digest drop not null;
update personal_access_token set status = 'REVOKED' where revoked_at is not null;
create index ix_pat_status_expiry on personal_access_token (status, expires_at);

create table audit_event (
    id                   varchar(36)  primary key,
    company_id           varchar(36)  not null references company (id),
    type                 varchar(32)  not null,
    credential_type      varchar(24),
    credential_id        varchar(36),
    actor_credential_id  varchar(36),
    actor_user_id        varchar(36),
    subject_user_id      varchar(36),
    source_ip            varchar(45),
    occurred_at          timestamp with time zone not null,
    -- impersonation is one row per key, user and hour: the hour it stands for
    period_start         timestamp with time zone,
    constraint uq_audit_period unique (type, credential_id, subject_user_id, period_start)
);
create index ix_audit_company_time on audit_event (company_id, occurred_at);
create index ix_audit_credential on audit_event (credential_id, occurred_at);
