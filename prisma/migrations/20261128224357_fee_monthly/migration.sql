-- CreateTable
CREATE TABLE "fee_monthly" (
    "month" DATE NOT NULL,
    "park_id" TEXT NOT NULL,
    "pay_company" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "paid_fen" BIGINT NOT NULL,
    "arrived_fen" BIGINT NOT NULL,
    "fee_fen" BIGINT NOT NULL,
    "mismatched" INTEGER NOT NULL,

    CONSTRAINT "fee_monthly_pkey" PRIMARY KEY ("month","park_id","pay_company")
);

-- CreateIndex
CREATE INDEX "fee_daily_park_id_day_idx" ON "fee_daily"("park_id", "day");


-- Hand-written below: fee_monthly kept with fee_daily by the same statement triggers on
-- fee_entries (migration 20261128212513_dashboard_rollups), then filled from fee_daily.
-- Writers of fee_entries wait until this commits, so nothing changes between the new trigger
-- function and the backfill.
LOCK TABLE fee_entries IN SHARE ROW EXCLUSIVE MODE;

-- Every writer upserts day rows, then month rows, each in key order: no two writers can wait
-- on each other's rollup rows in opposite orders.
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
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fee_daily_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fee_daily;
  DELETE FROM fee_monthly;
  RETURN NULL;
END $$;

INSERT INTO fee_monthly (month, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
SELECT date_trunc('month', day::timestamp)::date, park_id, pay_company, sum(count), sum(paid_fen), sum(arrived_fen), sum(fee_fen), sum(mismatched)
FROM fee_daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
