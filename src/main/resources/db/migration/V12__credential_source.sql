-- The networks each credential was used from (IPv4 /24, IPv6 /48): first and last successful use
-- and the requests served. Each server counts in memory and adds its counts with the usage flush;
-- at most apiauth.sources.max-per-credential rows per credential (the least recently seen go);
-- pruned by the sweep after apiauth.usage.retention. An IPv6 /48 in canonical text fits 50.
create table credential_source (
    credential_id varchar(36) not null,
    network varchar(50) not null,
    first_seen timestamp with time zone not null,
    last_seen timestamp with time zone not null,
    requests bigint not null default 0,
    primary key (credential_id, network)
);
create index ix_credential_source_last_seen on credential_source (last_seen);
