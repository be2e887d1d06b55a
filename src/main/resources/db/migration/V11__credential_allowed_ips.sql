-- Where each credential may be used from: null is anywhere (every credential made before this
-- version); else its allowlist's canonical entries (addresses and CIDR ranges) joined by single
-- spaces, e.g. '198.51.100.7 2001:db8::/32'. At most 64 entries of at most 43 characters.
alter table api_key add column allowed_ips varchar(3000);
alter table personal_access_token add column allowed_ips varchar(3000);
-- An allowlist change is audited with the whole new list ("allowedIps: [...]").
alter table audit_event alter column detail set data type varchar(3200);
