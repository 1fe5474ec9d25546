-- The renewals list's totals for "no sync" (无需同步) read every renewal until 10,000 without a sync
-- were found, probing a sync under each: 0.6-1.0 s at 1 M and 10 M. Booking writes a sync exactly
-- for a paid renewal, in the statement that books it, so "no sync" is "unpaid", which has its own
-- partial index carrying the amount (a few ms). This table holds the renewals where that fails to
-- hold — a hand-made edit, a renewal written outside booking — so the totals can tell when it holds:
-- while the table is empty. Triggers rather than code: whoever writes, the table follows.

-- CreateTable
CREATE TABLE "sync_presence_anomalies" (
    "renewal_id" INTEGER NOT NULL,

    CONSTRAINT "sync_presence_anomalies_pkey" PRIMARY KEY ("renewal_id")
);

-- AddForeignKey
ALTER TABLE "sync_presence_anomalies" ADD CONSTRAINT "sync_presence_anomalies_renewal_id_fkey" FOREIGN KEY ("renewal_id") REFERENCES "renewals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written. In step: paid (state 1) with a sync, or failed (state 0) without one. Anything else
-- is listed, also a state booking never writes, so that an empty table means "no sync" is exactly
-- "state 0". One expression that uses has_sync once, so the planner can inline the function also
-- when has_sync is an EXISTS (it does not inline a subquery argument used twice).
CREATE FUNCTION sync_presence_in_step(pay_state int, has_sync boolean) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT pay_state = has_sync::int
$$;

-- Decide afresh for the given renewals (the row-level triggers below). A deleted renewal takes its
-- row with it (the foreign key), so only renewals that still exist are rechecked.
CREATE FUNCTION sync_presence_recheck(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sync_presence_anomalies WHERE renewal_id = ANY (ids);
  INSERT INTO sync_presence_anomalies (renewal_id)
  SELECT r.id FROM renewals r
  WHERE r.id = ANY (ids) AND NOT sync_presence_in_step(r.pay_state, EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = r.id));
END $$;

-- Statement-level on insert and delete, so a booking (renewal and sync in one statement) checks its
-- renewal once each side, after both rows exist, and writes nothing. The statements read the
-- transition tables directly: passing their ids to sync_presence_recheck as an array had PostgreSQL
-- plan its statements afresh for every booking, 0.6 ms of database time per booking against about
-- 0.06 ms this way. A transition table exists only for the events its trigger names, hence one
-- branch per event.
CREATE FUNCTION sync_presence_after_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'renewals' THEN
    -- New renewals: none of them can be listed yet.
    INSERT INTO sync_presence_anomalies (renewal_id)
    SELECT n.id FROM new_rows n
    WHERE NOT sync_presence_in_step(n.pay_state, EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = n.id));
  ELSIF TG_OP = 'INSERT' THEN
    DELETE FROM sync_presence_anomalies a USING new_rows n WHERE a.renewal_id = n.renewal_id;
    INSERT INTO sync_presence_anomalies (renewal_id)
    SELECT r.id FROM renewals r JOIN new_rows n ON n.renewal_id = r.id
    WHERE NOT sync_presence_in_step(r.pay_state, EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = r.id));
  ELSE
    DELETE FROM sync_presence_anomalies a USING old_rows o WHERE a.renewal_id = o.renewal_id;
    INSERT INTO sync_presence_anomalies (renewal_id)
    SELECT r.id FROM renewals r JOIN old_rows o ON o.renewal_id = r.id
    WHERE NOT sync_presence_in_step(r.pay_state, EXISTS (SELECT FROM wechat_syncs s WHERE s.renewal_id = r.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_presence_renewals_insert AFTER INSERT ON renewals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_presence_after_rows();
CREATE TRIGGER sync_presence_syncs_insert AFTER INSERT ON wechat_syncs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_presence_after_rows();
CREATE TRIGGER sync_presence_syncs_delete AFTER DELETE ON wechat_syncs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_presence_after_rows();

-- Row-level for the edits nothing in the console makes (a payment state changed by hand, a sync
-- moved to another renewal): they fire only when that column really changes.
CREATE FUNCTION sync_presence_after_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'renewals' THEN
    PERFORM sync_presence_recheck(ARRAY[NEW.id]);
  ELSE
    PERFORM sync_presence_recheck(ARRAY[OLD.renewal_id, NEW.renewal_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_presence_renewals_edit AFTER UPDATE OF pay_state ON renewals
  FOR EACH ROW WHEN (OLD.pay_state <> NEW.pay_state) EXECUTE FUNCTION sync_presence_after_edit();
CREATE TRIGGER sync_presence_syncs_edit AFTER UPDATE OF renewal_id ON wechat_syncs
  FOR EACH ROW WHEN (OLD.renewal_id <> NEW.renewal_id) EXECUTE FUNCTION sync_presence_after_edit();

-- Every renewal decided afresh, in one pass over each table: the backfill below, after emptying
-- wechat_syncs, and after a bulk load with the triggers off (scripts/seed-large.ts).
CREATE FUNCTION sync_presence_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM sync_presence_anomalies;
  INSERT INTO sync_presence_anomalies (renewal_id)
  SELECT r.id FROM renewals r LEFT JOIN wechat_syncs s ON s.renewal_id = r.id WHERE NOT sync_presence_in_step(r.pay_state, s.id IS NOT NULL);
$$;

-- Emptying wechat_syncs leaves every paid renewal without its sync. (TRUNCATE renewals must name
-- CASCADE, which empties this table too.)
CREATE FUNCTION sync_presence_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_presence_rebuild();
  RETURN NULL;
END $$;
CREATE TRIGGER sync_presence_syncs_truncate AFTER TRUNCATE ON wechat_syncs
  FOR EACH STATEMENT EXECUTE FUNCTION sync_presence_after_truncate();

-- Backfill. CREATE TRIGGER above locked both tables against writes until this migration commits, so
-- no row can slip in between.
SELECT sync_presence_rebuild();
