-- CreateTable
CREATE TABLE "fee_day_totals" (
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL,
    "paid_fen" BIGINT NOT NULL,
    "arrived_fen" BIGINT NOT NULL,
    "fee_fen" BIGINT NOT NULL,
    "mismatched" INTEGER NOT NULL,

    CONSTRAINT "fee_day_totals_pkey" PRIMARY KEY ("day","shard")
);



-- Hand-written below: fee_day_totals kept with fee_daily and fee_monthly by the same statement
-- triggers on fee_entries (migrations 20261128212513_dashboard_rollups, 20261128224357_fee_monthly),
-- then filled from fee_daily. Writers of fee_entries wait until this commits, so nothing changes
-- between the new trigger function and the backfill.
LOCK TABLE fee_entries IN SHARE ROW EXCLUSIVE MODE;

-- As before, plus fee_day_totals: each entry counts in shard (id % 16) of its day, so concurrent
-- bookings of one day spread over 16 rows instead of queueing on one. Its rows are upserted (and
-- on delete upserted with negated sums) in key order after the day and month rows, like every
-- other writer's.
CREATE OR REPLACE FUNCTION fee_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO fee_monthly AS m (month, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
    SELECT date_trunc('month', booked_at AT TIME ZONE 'Asia/Shanghai')::date, park_id, coalesce(pay_company, -1), count(*), sum(amount_fen),
           coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
           count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (month, park_id, pay_company) DO UPDATE SET
      count = m.count + EXCLUDED.count, paid_fen = m.paid_fen + EXCLUDED.paid_fen, arrived_fen = m.arrived_fen + EXCLUDED.arrived_fen,
      fee_fen = m.fee_fen + EXCLUDED.fee_fen, mismatched = m.mismatched + EXCLUDED.mismatched;
    INSERT INTO fee_day_totals AS t (day, shard, count, paid_fen, arrived_fen, fee_fen, mismatched)
    SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, (id % 16)::smallint, count(*), sum(amount_fen),
           coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
           count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
    FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, shard) DO UPDATE SET
      count = t.count + EXCLUDED.count, paid_fen = t.paid_fen + EXCLUDED.paid_fen, arrived_fen = t.arrived_fen + EXCLUDED.arrived_fen,
      fee_fen = t.fee_fen + EXCLUDED.fee_fen, mismatched = t.mismatched + EXCLUDED.mismatched;
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
    UPDATE fee_monthly AS m SET
      count = m.count - o.count, paid_fen = m.paid_fen - o.paid, arrived_fen = m.arrived_fen - o.arrived,
      fee_fen = m.fee_fen - o.fee, mismatched = m.mismatched - o.mismatched
    FROM (
      SELECT date_trunc('month', booked_at AT TIME ZONE 'Asia/Shanghai')::date AS month, park_id, coalesce(pay_company, -1) AS pay_company,
             count(*) AS count, sum(amount_fen) AS paid, coalesce(sum(arrive_money_fen), 0) AS arrived, coalesce(sum(fee_fen), 0) AS fee,
             count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen) AS mismatched
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) AS o
    WHERE m.month = o.month AND m.park_id = o.park_id AND m.pay_company = o.pay_company;
    -- A group with no entries left is no group at all (the raw aggregation would not list it).
    DELETE FROM fee_daily AS d USING old_rows AS o
    WHERE d.count = 0 AND d.day = (o.booked_at AT TIME ZONE 'Asia/Shanghai')::date AND d.park_id = o.park_id AND d.pay_company = coalesce(o.pay_company, -1);
    DELETE FROM fee_monthly AS m USING old_rows AS o
    WHERE m.count = 0 AND m.month = date_trunc('month', o.booked_at AT TIME ZONE 'Asia/Shanghai')::date AND m.park_id = o.park_id
      AND m.pay_company = coalesce(o.pay_company, -1);
    -- Signed: a shard row may go below zero (history sits in shard 0), only a day's sum counts.
    INSERT INTO fee_day_totals AS t (day, shard, count, paid_fen, arrived_fen, fee_fen, mismatched)
    SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, (id % 16)::smallint, -count(*), -sum(amount_fen),
           -coalesce(sum(arrive_money_fen), 0), -coalesce(sum(fee_fen), 0),
           -count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
    FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (day, shard) DO UPDATE SET
      count = t.count + EXCLUDED.count, paid_fen = t.paid_fen + EXCLUDED.paid_fen, arrived_fen = t.arrived_fen + EXCLUDED.arrived_fen,
      fee_fen = t.fee_fen + EXCLUDED.fee_fen, mismatched = t.mismatched + EXCLUDED.mismatched;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fee_daily_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fee_daily;
  DELETE FROM fee_monthly;
  DELETE FROM fee_day_totals;
  RETURN NULL;
END $$;

-- History goes to shard 0 (a few rows a day, read from fee_daily, not fee_entries).
INSERT INTO fee_day_totals (day, shard, count, paid_fen, arrived_fen, fee_fen, mismatched)
SELECT day, 0, sum(count), sum(paid_fen), sum(arrived_fen), sum(fee_fen), sum(mismatched)
FROM fee_daily GROUP BY day ORDER BY day;
