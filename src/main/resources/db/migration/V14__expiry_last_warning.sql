-- The second expiry warning (issue 18: credential.expiring_soon 7 days and 1 day ahead): set by the
-- sweep when it records the last one, so that it records it once. expiry_warned_at stays the first.
alter table api_key add column expiry_last_warned_at timestamp with time zone;
alter table personal_access_token add column expiry_last_warned_at timestamp with time zone;
