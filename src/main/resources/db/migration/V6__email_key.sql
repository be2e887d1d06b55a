-- Emails are unique per company, case-insensitively, among live users; a deleted user frees its
-- email. email_key is the lower-cased email of a live user and null once the user is deleted (the
-- row and its email stay for the audit trail). Unique per company: a tenant that adds an address
-- learns nothing about other companies' users (the old global, exact-case constraint answered 409
-- for an address anywhere, and kept a deleted user's address for ever).
alter table app_user add column email_key varchar(320);
-- Of live users whose emails differ only in case, the oldest keeps the key.
update app_user u set email_key = lower(email)
 where active = true
   and not exists (select 1 from app_user o
                    where o.active = true and o.company_id = u.company_id and lower(o.email) = lower(u.email)
                      and (o.created_at < u.created_at or (o.created_at = u.created_at and o.id < u.id)));
alter table app_user drop constraint uq_app_user_email;
alter table app_user add constraint uq_app_user_company_email unique (company_id, email_key);
create index ix_app_user_email_key on app_user (email_key);
