-- One script for H2 and PostgreSQL: only types and constraints both understand.
-- Ids are UUIDs in their text form; times are UTC instants.

create table company (
    id          varchar(36)  primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table app_user (
    id           varchar(36)  primary key,
    company_id   varchar(36)  not null references company (id),
    email        varchar(320) not null,
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    role         varchar(10)  not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
    active       boolean      not null,
    created_at   timestamp with time zone not null,
    constraint uq_app_user_email unique (email)
);
create index ix_app_user_company on app_user (company_id);

create table api_key (
    id             varchar(36)  primary key,
    company_id     varchar(36)  not null references company (id),
    name           varchar(100),
    secret_digest  varchar(64)  not null,
    hint           varchar(80)  not null,
    created_by     varchar(36)  not null references app_user (id),
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone
);
create index ix_api_key_company on api_key (company_id);

create table personal_access_token (
    id             varchar(36)  primary key,
    user_id        varchar(36)  not null references app_user (id),
    company_id     varchar(36)  not null references company (id),
    name           varchar(100) not null,
    secret_digest  varchar(64)  not null,
    hint           varchar(20)  not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone,
    revoked_at     timestamp with time zone,
    constraint uq_pat_digest unique (secret_digest)
);
create index ix_pat_user on personal_access_token (user_id);

create table meeting_type (
    id                varchar(36)  primary key,
    owner_id          varchar(36)  not null references app_user (id),
    company_id        varchar(36)  not null references company (id),
    name              varchar(200) not null,
    duration_minutes  integer      not null,
    slug              varchar(100) not null,
    created_at        timestamp with time zone not null,
    constraint uq_meeting_type_slug unique (owner_id, slug)
);

create table appointment (
    id               varchar(36)  primary key,
    meeting_type_id  varchar(36)  not null references meeting_type (id),
    host_id          varchar(36)  not null references app_user (id),
    company_id       varchar(36)  not null references company (id),
    start_at         timestamp with time zone not null,
    end_at           timestamp with time zone not null,
    guest_email      varchar(320) not null
);
create index ix_appointment_company on appointment (company_id, start_at);
create index ix_appointment_host on appointment (host_id, start_at);
