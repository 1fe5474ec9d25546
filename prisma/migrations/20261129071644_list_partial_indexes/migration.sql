-- Hand-written (partial indexes are not in the Prisma schema). Lists that filter to a small share
-- of ten million rows walked a big index in the list's order and fetched every row to test it
-- (10 M bench database, warm): the sync list by a code 0.4 s, failed syncs by pay time 0.4-0.7 s,
-- failed payments 1.4 s. Each now has a small index in its own order.

-- The sync list's code filter, in its default last-attempt order. Only syncs with a code (failed,
-- retrying, or answered with one); the full index held ten million NULLs.
DROP INDEX "wechat_syncs_last_code_idx";
CREATE INDEX "wechat_syncs_last_code_updated_at_id_idx" ON "wechat_syncs" ("last_code", "updated_at", "id") WHERE "last_code" IS NOT NULL;

-- The sync list filtered to a status other than SYNCED, by pay time (its keyset is the sync's id;
-- the renewals list's is the renewal's, hence wechat_syncs_unsynced_idx beside it).
CREATE INDEX "wechat_syncs_unsynced_booked_at_id_idx" ON "wechat_syncs" ("status", "booked_at", "id") WHERE "status" <> 'SYNCED';

-- The renewals list's failed payments (pay_state 0), newest first.
CREATE INDEX "renewals_unpaid_booked_at_id_idx" ON "renewals" ("booked_at" DESC, "id" DESC) WHERE "pay_state" <> 1;
