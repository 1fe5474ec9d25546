-- The sync list filtered to one park walks the syncs in last-attempt order (all of them, or one
-- status's) and asks the renewals' (park_id, id) index about each sync's renewal. For a park with
-- a quarter of a percent of the syncs, that is 26,000 syncs for one page at 10 M, and each was read
-- from the table only for its renewal_id: 0.2-0.35 s. With renewal_id in the index, and the list
-- reading the page's ids before its rows (lib/queries/syncs.ts), the walk reads the index alone.
-- Hand-written: Prisma's schema cannot say INCLUDE. renewal_id never changes, so updates write the
-- same index entries as before, each a few bytes wider.
DROP INDEX "wechat_syncs_updated_at_id_idx";
CREATE INDEX "wechat_syncs_updated_at_id_idx" ON "wechat_syncs" ("updated_at", "id") INCLUDE ("renewal_id");
DROP INDEX "wechat_syncs_status_updated_at_id_idx";
CREATE INDEX "wechat_syncs_status_updated_at_id_idx" ON "wechat_syncs" ("status", "updated_at", "id") INCLUDE ("renewal_id");
