-- Hand-written (partial and covering indexes are not in the Prisma schema). Lists that filter to a small share
-- of ten million rows walked a big index in the list's order and fetched every row to test it
-- (10 M bench database, warm): the sync list by a code 0.4 s, failed syncs by pay time 0.4-0.7 s,
-- failed payments 1.4 s. Each now has an index in its own order.

-- The sync list's code filter, in its default last-attempt order. Only syncs with a code (failed,
-- retrying, or answered with one); the full index held ten million NULLs.
DROP INDEX "wechat_syncs_last_code_idx";
CREATE INDEX "wechat_syncs_last_code_updated_at_id_idx" ON "wechat_syncs" ("last_code", "updated_at", "id") WHERE "last_code" IS NOT NULL;

-- The sync list filtered to a status, by pay time. Over every sync: Prisma sends the status as a
-- cast PostgreSQL cannot prove a partial index's "not SYNCED" from (it replaces the
-- (status, booked_at, renewal_id) index dropped in 20261129065655_syncs_sort_copies).
CREATE INDEX "wechat_syncs_status_booked_at_id_idx" ON "wechat_syncs" ("status", "booked_at", "id");

-- The renewals list's failed payments (pay_state 0), newest first, carrying the amount so their
-- capped totals read the index alone.
CREATE INDEX "renewals_unpaid_booked_at_id_idx" ON "renewals" ("booked_at" DESC, "id" DESC) INCLUDE ("amount_fen") WHERE "pay_state" = 0;
