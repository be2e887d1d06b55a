-- What each credential may do: null is full access (every scope, those added later too: what every
-- credential made before this version holds, and the contract's behaviour); else the sorted scope
-- names joined by single spaces, e.g. 'appointments:read meeting-types:write'. Nine names of at most
-- 19 characters fit well within 400.
alter table api_key add column scopes varchar(400);
alter table personal_access_token add column scopes varchar(400);
