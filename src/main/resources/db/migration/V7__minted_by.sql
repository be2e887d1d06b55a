-- Which credential's request minted a credential (null for the sign-up's and the first start's
-- owner tokens, and for every credential made before this version): a credential never expires
-- after the one that minted it, and dies with it when that one is reported leaked. Indexed for that
-- cascade, which looks the minted credentials up by their creator.
alter table api_key add column minted_by varchar(36);
alter table personal_access_token add column minted_by varchar(36);
create index ix_api_key_minted_by on api_key (minted_by);
create index ix_pat_minted_by on personal_access_token (minted_by);
-- A company's longest PAT lifetime (null: none), as GitHub organisations can set: new and rotated
-- PATs expire within it.
alter table company add column max_pat_lifetime_days integer;
