-- CreateTable
CREATE TABLE "fee_daily" (
    "day" DATE NOT NULL,
    "park_id" TEXT NOT NULL,
    "pay_company" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "paid_fen" BIGINT NOT NULL,
    "arrived_fen" BIGINT NOT NULL,
    "fee_fen" BIGINT NOT NULL,
    "mismatched" INTEGER NOT NULL,

    CONSTRAINT "fee_daily_pkey" PRIMARY KEY ("day","park_id","pay_company")
);

-- CreateTable
CREATE TABLE "sync_status_counts" (
    "status" "SyncStatus" NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "sync_status_counts_pkey" PRIMARY KEY ("status","shard")
);

-- CreateIndex
CREATE INDEX "wechat_sync_attempts_started_at_idx" ON "wechat_sync_attempts"("started_at");


-- Hand-written below (Prisma cannot express partial indexes or triggers).

-- The overview's 30-day failure chart reads only failed attempts: a partial index keeps it off
-- the successful ones, which are nearly all of them.
CREATE INDEX "wechat_sync_attempts_failed_started_at_idx" ON "wechat_sync_attempts"("started_at") WHERE "outcome" <> 'SUCCESS';

-- fee_daily: fee_entries summed per China-time day × park × channel (issue 14). Kept by
-- statement-level triggers, so it changes in the same transaction as the entries themselves
-- and is exact by construction: a rolled-back booking, a re-delivery that books nothing and a
-- state-0 notice (no fee entry) change nothing. Chosen over an incremental job with a
-- watermark because entry ids commit out of order (a watermark needs a lag or xid tracking to
-- be exact) and over an upsert inside the booking statement because every writer of
-- fee_entries — the booking, seeds, tests, a hand-made correction — keeps it right without
-- knowing it exists. Statement-level with transition tables: one grouped upsert per statement,
-- so a bulk load costs one aggregate, not one upsert per row. Rows are locked in key order, so
-- concurrent multi-row writers cannot deadlock on them.
CREATE FUNCTION fee_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO fee_daily AS d (day, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
    SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, park_id, coalesce(pay_company, -1), count(*), sum(amount_fen),
           coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
           count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, park_id, pay_company) DO UPDATE SET
      count = d.count + EXCLUDED.count, paid_fen = d.paid_fen + EXCLUDED.paid_fen, arrived_fen = d.arrived_fen + EXCLUDED.arrived_fen,
      fee_fen = d.fee_fen + EXCLUDED.fee_fen, mismatched = d.mismatched + EXCLUDED.mismatched;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE fee_daily AS d SET
      count = d.count - o.count, paid_fen = d.paid_fen - o.paid, arrived_fen = d.arrived_fen - o.arrived,
      fee_fen = d.fee_fen - o.fee, mismatched = d.mismatched - o.mismatched
    FROM (
      SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date AS day, park_id, coalesce(pay_company, -1) AS pay_company, count(*) AS count,
             sum(amount_fen) AS paid, coalesce(sum(arrive_money_fen), 0) AS arrived, coalesce(sum(fee_fen), 0) AS fee,
             count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen) AS mismatched
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) AS o
    WHERE d.day = o.day AND d.park_id = o.park_id AND d.pay_company = o.pay_company;
    -- A group with no entries left is no group at all (the raw aggregation would not list it).
    DELETE FROM fee_daily AS d USING old_rows AS o
    WHERE d.count = 0 AND d.day = (o.booked_at AT TIME ZONE 'Asia/Shanghai')::date AND d.park_id = o.park_id AND d.pay_company = coalesce(o.pay_company, -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER fee_daily_insert AFTER INSERT ON fee_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_daily_apply();
CREATE TRIGGER fee_daily_update AFTER UPDATE ON fee_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_daily_apply();
CREATE TRIGGER fee_daily_delete AFTER DELETE ON fee_entries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fee_daily_apply();

CREATE FUNCTION fee_daily_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fee_daily;
  RETURN NULL;
END $$;
CREATE TRIGGER fee_daily_truncate AFTER TRUNCATE ON fee_entries FOR EACH STATEMENT EXECUTE FUNCTION fee_daily_clear();

-- sync_status_counts: the /sync page and the overview count statuses without a GROUP BY over
-- every sync. Triggers rather than code in lib/sync: whoever changes a status, and however the
-- worker is written, the counts follow. Statement-level, so the counters are locked at the end
-- of a statement, after its row locks and in key order: a mass resend and the worker cannot
-- deadlock on them. An UPDATE that changes no status (lease claims, heartbeats) writes nothing.
-- A transition table exists only for the events its trigger names, hence one branch per event.
CREATE FUNCTION sync_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_status_counts AS c (status, shard, count)
    SELECT status, (id % 64)::smallint, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO sync_status_counts AS c (status, shard, count)
    SELECT status, (id % 64)::smallint, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSE
    INSERT INTO sync_status_counts AS c (status, shard, count)
    SELECT status, shard, sum(n) FROM (
      SELECT o.status, (o.id % 64)::smallint AS shard, -1 AS n FROM old_rows o JOIN new_rows n USING (id) WHERE o.status <> n.status
      UNION ALL
      SELECT n.status, (n.id % 64)::smallint, 1 FROM old_rows o JOIN new_rows n USING (id) WHERE o.status <> n.status) AS moves
    GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT (status, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sync_status_counts_insert AFTER INSERT ON wechat_syncs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_status_counts_apply();
CREATE TRIGGER sync_status_counts_update AFTER UPDATE ON wechat_syncs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_status_counts_apply();
CREATE TRIGGER sync_status_counts_delete AFTER DELETE ON wechat_syncs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sync_status_counts_apply();

CREATE FUNCTION sync_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sync_status_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER sync_status_counts_truncate AFTER TRUNCATE ON wechat_syncs FOR EACH STATEMENT EXECUTE FUNCTION sync_status_counts_clear();

-- Backfill from the rows already there. CREATE TRIGGER above locked both tables against writes
-- until this migration commits, so no row can slip in between the backfill and the triggers.
INSERT INTO fee_daily (day, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, park_id, coalesce(pay_company, -1), count(*), sum(amount_fen),
       coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
       count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
FROM fee_entries GROUP BY 1, 2, 3;
INSERT INTO sync_status_counts (status, shard, count)
SELECT status, (id % 64)::smallint, count(*) FROM wechat_syncs GROUP BY 1, 2;
