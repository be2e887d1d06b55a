-- Issue 34, 7: the lane an endpoint's attempts run in (docs/webhooks.md "Fairness"). Null: the fast
-- lane (every attempt is cut at 2 s); set when an attempt needed longer, and cleared again when one
-- in the slow lane is answered within 2 s. Shared by every server, so that each one need not learn it.
alter table webhook_endpoint add column slow_since timestamp with time zone;
