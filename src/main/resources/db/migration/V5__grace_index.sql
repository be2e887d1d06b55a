-- The sweep's end-of-grace step asks for live credentials whose grace_until has passed. Without an
-- index on it every run read every live credential (1M of them: 1.6 s of H2's CPU per run in
-- bench/run's sweep profile, a sequential scan on PostgreSQL); with it, a run reads the few
-- credentials that are in a grace period. Plain, not partial (grace_until is null for most rows):
-- H2 has no partial indexes, and the sweep's query gives the range a lower bound so that H2 starts
-- it after the nulls (JpaCredentialSweepRepository.endGrace).
create index ix_api_key_status_grace on api_key (status, grace_until);
create index ix_pat_status_grace on personal_access_token (status, grace_until);
