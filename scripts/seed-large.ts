// npm run seed:large -- --renewals 10000000 [--parks 600] [--days 730] [--database-url postgresql://…]
// Bulk-loads synthetic renewals shaped like real bookings, for performance work: month cards at
// parks of very different sizes (half the renewals spread evenly, half log-uniformly, so a few
// parks are huge), each card renewing monthly (card periods, gaps where a card lapsed), China
// business hours, WeChat Pay / Alipay / unknown channels, ~1.5 % failed payments (state 0, never
// booked), a few fee mismatches and third-party notices without amounts, conflicting
// re-deliveries, and WeChat syncs in every state with their attempts. Notice bodies are
// Bolink-sized JSON, so rows are as wide as real ones.
//
// Rows are made inside PostgreSQL with INSERT … SELECT over generate_series: no row crosses the
// wire, so COPY FROM STDIN (pg-copy-streams) would only add client-side text generation and
// parsing on the same two cores. The standard bulk-load recipe does the rest: the big tables'
// secondary indexes and foreign keys are dropped first and rebuilt after the load (sorted
// builds, parallel workers), the rollup triggers are off during the load and the rollups are
// recomputed once at the end — all in ONE transaction, so an interrupted seed leaves the
// database as it was. Run it on a database nobody is writing to (it locks the tables it loads).
// Without --database-url it uses DATABASE_URL, or the embedded database in DATA_DIR.
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { values } = parseArgs({
  options: {
    renewals: { type: "string", default: "1000000" },
    parks: { type: "string", default: "200" },
    days: { type: "string", default: "730" },
    "database-url": { type: "string" },
  },
});
const total = Number(values.renewals);
const parks = Number(values.parks);
const days = Number(values.days);
if (![total, parks, days].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("--renewals, --parks and --days must be positive integers");
  process.exit(2);
}
const env = parseEnv();
const embedded = values["database-url"] ?? env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: env.DATA_DIR });
const url = values["database-url"] ?? env.DATABASE_URL ?? embedded!.url;
await migrate(url);
const client = new pg.Client({ connectionString: url });
await client.connect();

const LOADED = ["renewals", "renewal_conflicts", "fee_entries", "card_periods", "wechat_syncs", "wechat_sync_attempts"];
const ROLLUP_TRIGGERS = [
  ["fee_entries", "fee_daily_insert"],
  ["wechat_syncs", "sync_status_counts_insert"],
  // A per-row lookup of the renewal; the load writes booked_at, park and amount itself.
  ["wechat_syncs", "wechat_syncs_renewal_copies"],
  // Each load statement would list its paid renewals and the next take them off again.
  ["renewals", "sync_presence_renewals_insert"],
  ["wechat_syncs", "sync_presence_syncs_insert"],
];
const BATCH = 500_000;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const step = async (label: string, sql: string, params: unknown[] = []) => {
  const t = performance.now();
  const result = await client.query(sql, params);
  process.stdout.write(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return result;
};

await client.query("SET synchronous_commit = off");
await client.query("SET maintenance_work_mem = '1GB'");
await client.query("SET max_parallel_maintenance_workers = 2");
await client.query("SET work_mem = '256MB'");
await client.query("BEGIN");

// Secondary indexes (not those behind a primary key or a constraint) and foreign keys of the loaded tables, to rebuild after.
const { rows: indexes } = await client.query<{ name: string; def: string }>(
  `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
   FROM pg_index i WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  [LOADED],
);
const { rows: foreignKeys } = await client.query<{ table: string; name: string; def: string }>(
  `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
   FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
  [LOADED],
);
for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
for (const [table, trigger] of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
console.log(`Dropped ${indexes.length} indexes and ${foreignKeys.length} foreign keys for the load (rebuilt at the end).`);

const run = Date.now().toString(36); // keeps keys unique when the script runs again
const first = Number((await client.query<{ max: string }>("SELECT coalesce(max(id), 0) AS max FROM renewals")).rows[0].max);
const firstSync = Number((await client.query<{ max: string }>("SELECT coalesce(max(id), 0) AS max FROM wechat_syncs")).rows[0].max);

// Renewal g belongs to card g / 12 and is that card's (g % 12)-th monthly renewal; a card's
// park, plate, price and first month come from hashes of the card number, so they are stable.
// Amounts go into the notice text as Bolink writes them: yuan with two decimals.
const yuan = (fen: string) => `((${fen}) / 100 || '.' || lpad(((${fen}) % 100)::text, 2, '0'))`;
const RENEWALS_SQL = `
  INSERT INTO renewals (idempotency_key, union_id, service_name, trade_no, out_trade_no, park_id, card_id, car_number, license_color,
    pay_state, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, pay_time, start_date, end_date,
    remark, attach, sign, data_text, raw_body, remote_addr, received_at, booked_at, has_conflict)
  SELECT 't:' || trade_no, '100000', 'monthcard_pay', trade_no, out_trade_no, park_id, card_id, plate, color,
    state, amount, arrive, fee, 1, company, 1, t, start_date, end_date,
    remark, jsonb_build_object('order_id', out_trade_no), sign, data_text, '{"data":' || data_text || ',"sign":"' || sign || '","union_id":100000}',
    '47.92.' || (g % 256) || '.' || (g / 256 % 256), t + (random() * 3) * interval '1 second', t, random() < 0.0002
  FROM (SELECT *, upper(md5(data_text)) AS sign FROM (
    SELECT *, format('{"trade_no":"%s","out_trade_no":"%s","attach":{"order_id":"%s"},"card_id":"%s","park_id":"%s","car_number":"%s",'
        || '"license_color":%s,"amount":%s,"state":%s,"pay_time":%s,"arrive_money":%s,"fee":%s,"account_type":1,"pay_company":%s,'
        || '"pay_account":1,"remark":"%s","start_time":"%s","end_time":"%s","service_name":"monthcard_pay"}',
        trade_no, out_trade_no, out_trade_no, card_id, park_id, plate, color, ${yuan("amount")}, state,
        extract(epoch FROM t)::bigint, coalesce(${yuan("arrive")}, 'null'), coalesce(${yuan("fee")}, 'null'),
        coalesce(company::text, 'null'), remark, start_date, end_date) AS data_text
    FROM (
      SELECT *, (start_date + interval '1 month' - interval '1 day')::date AS end_date
      FROM (
        SELECT g, card_id, park_id, plate, color, state, amount, company, t, trade_no, '月卡续费-' || plate AS remark,
          (t AT TIME ZONE 'Asia/Shanghai')::date + (random() * 3)::int AS start_date,
          to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') || lpad((g % 100000000000)::text, 11, '0') AS out_trade_no,
          CASE WHEN state = 0 THEN NULL WHEN mix < 0.005 THEN NULL WHEN mix < 0.006 THEN amount - round(amount * 0.006)::int - 1
               ELSE amount - round(amount * 0.006)::int END AS arrive,
          CASE WHEN state = 0 THEN NULL WHEN mix < 0.005 THEN NULL ELSE round(amount * 0.006)::int END AS fee
        FROM (
          SELECT g, c, 'LC' || $3 || '-' || c AS card_id, (20000 + park)::text AS park_id,
            (ARRAY['京','沪','粤','苏','浙','川','鄂','湘','鲁','闽'])[1 + h1 % 10] || chr(65 + h2 % 26) || lpad((h3 % 100000)::text, 5, '0') AS plate,
            CASE WHEN h2 % 8 = 0 THEN 4 ELSE 0 END AS color,
            CASE WHEN random() < 0.015 THEN 0 ELSE 1 END AS state,
            (15000 + (park * 37 % 10) * 5000) * CASE WHEN h3 % 12 = 0 THEN 3 ELSE 1 END AS amount,
            CASE WHEN u < 0.60 THEN 0 WHEN u < 0.95 THEN 1 END AS company, random() AS mix,
            upper(substr(md5($3 || g), 1, 20)) AS trade_no,
            least(now() - random() * interval '1 hour',
              (((now() AT TIME ZONE 'Asia/Shanghai')::date - ($4::int - 1) + ((h1 % $4 + (g % 12) * 30) % $4)::int)::timestamp
                + ((random() + random() + random()) / 3 * 86400) * interval '1 second') AT TIME ZONE 'Asia/Shanghai') AS t
          FROM (
            SELECT g, c, h1, h2, h3, random() AS u,
              (CASE WHEN h1 % 2 = 0 THEN h2 % $2 ELSE least($2 - 1, floor(exp((h3 % 1000000) / 1000000.0 * ln($2 + 1))) - 1) END)::int AS park
            FROM (
              SELECT g, g / 12 AS c, abs(hashint8(g / 12)) AS h1, abs(hashint8(g / 12 + 7919)) AS h2, abs(hashint8(g / 12 + 104729)) AS h3
              FROM generate_series($1::bigint + 1, $1::bigint + $5) AS g) AS cards) AS parked) AS shaped) AS dated) AS priced) AS texts) AS signed`;

for (let done = 0; done < total; done += BATCH) {
  const n = Math.min(BATCH, total - done);
  await client.query(RENEWALS_SQL, [done, parks, run, days, n]);
  process.stdout.write(`\r${done + n} / ${total} renewals (${seconds()} s)`);
}
console.log("");

await step(
  "fee entries",
  `INSERT INTO fee_entries (renewal_id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at)
   SELECT id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at
   FROM renewals WHERE id > $1 AND pay_state = 1`,
  [first],
);
// Conflicting re-deliveries: the same notice again with another amount.
await step(
  "conflicts",
  `INSERT INTO renewal_conflicts (renewal_id, fields, data_text, raw_body, remote_addr, received_at)
   SELECT id, ARRAY['amount'], replace(data_text, '"amount":', '"amount":1'), raw_body, remote_addr, received_at + interval '5 minutes'
   FROM renewals WHERE id > $1 AND has_conflict`,
  [first],
);
// Nearly all synced; a few failed (a bad parking-lot id, or retries exhausted), retrying or still
// waiting; the last few minutes' bookings are still pending.
await step(
  "wechat syncs",
  `INSERT INTO wechat_syncs (renewal_id, status, attempt_count, next_attempt_at, request_body, last_http_status, last_code, last_error,
     synced_at, created_at, updated_at, booked_at, park_id, amount_fen)
   SELECT id, status::"SyncStatus", attempts, CASE WHEN status = 'RETRYING' THEN now() + interval '5 minutes' ELSE booked_at END,
     CASE WHEN attempts > 0 THEN format('{"out_trade_no":"%s","parking_lot_id":"%s","amount":%s}', out_trade_no, park_id, amount_fen) END,
     CASE status WHEN 'SYNCED' THEN 204 WHEN 'FAILED' THEN CASE WHEN attempts = 1 THEN 400 ELSE 500 END WHEN 'RETRYING' THEN 500 END,
     CASE WHEN status = 'FAILED' AND attempts = 1 THEN 'PARAM_ERROR' WHEN status IN ('FAILED', 'RETRYING') THEN 'SYSTEM_ERROR' END,
     CASE WHEN status = 'FAILED' AND attempts = 1 THEN 'HTTP 400 · PARAM_ERROR · wx_parking_lot_id 不存在'
          WHEN status IN ('FAILED', 'RETRYING') THEN 'HTTP 500 · SYSTEM_ERROR · 系统繁忙' END,
     CASE WHEN status = 'SYNCED' THEN booked_at + attempts * interval '2 seconds' END,
     booked_at, booked_at + attempts * interval '2 seconds', booked_at, park_id, amount_fen
   FROM (
     SELECT r.*, s.status,
       CASE s.status WHEN 'SYNCED' THEN CASE WHEN u < 0.05 THEN 2 ELSE 1 END WHEN 'FAILED' THEN CASE WHEN u < 0.5 THEN 1 ELSE 7 END
                     WHEN 'RETRYING' THEN 3 ELSE 0 END AS attempts
     FROM renewals r, LATERAL (SELECT random() + 0 * r.id AS u, random() + 0 * r.id AS v) AS x, -- per row (a lateral without outer references runs once)
       LATERAL (SELECT CASE WHEN r.booked_at > now() - interval '10 minutes' THEN 'PENDING' WHEN v < 0.003 THEN 'FAILED'
                            WHEN v < 0.0035 THEN 'RETRYING' WHEN v < 0.004 THEN 'PENDING' ELSE 'SYNCED' END AS status) AS s
     WHERE r.id > $1 AND r.pay_state = 1) AS shaped`,
  [first],
);
await step(
  "sync attempts",
  `INSERT INTO wechat_sync_attempts (sync_id, started_at, duration_ms, host, http_status, code, message, request_body, response_body, signature_check, outcome)
   SELECT s.id, s.created_at + (n - 1) * interval '2 seconds', 40 + (random() * 160)::int, 'api.mch.weixin.qq.com', o.http, o.code, o.message,
     s.request_body, CASE WHEN o.http = 204 THEN NULL ELSE format('{"code":"%s","message":"%s"}', o.code, o.message) END, 'verified', o.outcome::"AttemptOutcome"
   FROM wechat_syncs s, generate_series(1, s.attempt_count) AS n,
     LATERAL (SELECT CASE WHEN n < s.attempt_count OR s.status = 'RETRYING' OR (s.status = 'FAILED' AND s.attempt_count > 1) THEN 500
                          WHEN s.status = 'SYNCED' THEN 204 ELSE 400 END AS http) AS h,
     LATERAL (SELECT h.http, CASE h.http WHEN 500 THEN 'SYSTEM_ERROR' WHEN 400 THEN 'PARAM_ERROR' END AS code,
                     CASE h.http WHEN 500 THEN '系统繁忙' WHEN 400 THEN 'wx_parking_lot_id 不存在' END AS message,
                     CASE h.http WHEN 204 THEN 'SUCCESS' WHEN 500 THEN 'TRANSIENT' ELSE 'PERMANENT' END AS outcome) AS o
   WHERE s.id > $1`,
  [firstSync],
);
await step(
  "month cards",
  `INSERT INTO month_cards (park_id, card_key, card_id, car_number, period_start, period_end, renewal_count, total_paid_fen, last_renewal_at)
   SELECT park_id, 'c:' || card_id, card_id, max(car_number), (array_agg(start_date ORDER BY end_date DESC))[1], max(end_date), count(*), sum(amount_fen), max(booked_at)
   FROM renewals WHERE id > $1 AND pay_state = 1 GROUP BY park_id, card_id
   ON CONFLICT (park_id, card_key) DO UPDATE SET
     period_start = CASE WHEN EXCLUDED.period_end >= month_cards.period_end THEN EXCLUDED.period_start ELSE month_cards.period_start END,
     period_end = GREATEST(month_cards.period_end, EXCLUDED.period_end),
     renewal_count = month_cards.renewal_count + EXCLUDED.renewal_count, total_paid_fen = month_cards.total_paid_fen + EXCLUDED.total_paid_fen,
     last_renewal_at = GREATEST(month_cards.last_renewal_at, EXCLUDED.last_renewal_at)`,
  [first],
);
await step(
  "card periods",
  `INSERT INTO card_periods (card_id, renewal_id, start_date, end_date)
   SELECT c.id, r.id, r.start_date, r.end_date FROM renewals r JOIN month_cards c ON c.park_id = r.park_id AND c.card_key = 'c:' || r.card_id
   WHERE r.id > $1 AND r.pay_state = 1`,
  [first],
);
await step("parks", `INSERT INTO parks (park_id, updated_at) SELECT DISTINCT park_id, now() FROM renewals WHERE id > $1 ON CONFLICT DO NOTHING`, [first]);

for (const index of indexes) await step(`index ${index.name}`, index.def);
for (const fk of foreignKeys) await step(`foreign key ${fk.name}`, `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
for (const [table, trigger] of ROLLUP_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
// The rollups from scratch, as the migration's backfill does: exact whatever was there before.
await step(
  "fee_daily, fee_monthly and fee_day_totals rollups",
  `DELETE FROM fee_daily;
   INSERT INTO fee_daily (day, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
   SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, park_id, coalesce(pay_company, -1), count(*), sum(amount_fen),
          coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
          count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
   FROM fee_entries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
   DELETE FROM fee_monthly;
   INSERT INTO fee_monthly (month, park_id, pay_company, count, paid_fen, arrived_fen, fee_fen, mismatched)
   SELECT date_trunc('month', day::timestamp)::date, park_id, pay_company, sum(count), sum(paid_fen), sum(arrived_fen), sum(fee_fen), sum(mismatched)
   FROM fee_daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
   DELETE FROM fee_day_totals;
   INSERT INTO fee_day_totals (day, shard, count, paid_fen, arrived_fen, fee_fen, mismatched)
   SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date, (id % 16)::smallint, count(*), sum(amount_fen),
          coalesce(sum(arrive_money_fen), 0), coalesce(sum(fee_fen), 0),
          count(*) FILTER (WHERE arrive_money_fen IS NULL OR fee_fen IS NULL OR amount_fen <> arrive_money_fen + fee_fen)
   FROM fee_entries GROUP BY 1, 2 ORDER BY 1, 2`,
);
await step(
  "sync_status_counts",
  `DELETE FROM sync_status_counts;
   INSERT INTO sync_status_counts (status, shard, count) SELECT status, (id % 64)::smallint, count(*) FROM wechat_syncs GROUP BY 1, 2`,
);
await step("sync_presence_anomalies", "SELECT sync_presence_rebuild()");
await step("commit", "COMMIT");
// Visibility map and statistics, as a long-running database has them (index-only scans need the first).
await step("vacuum analyze", `VACUUM (ANALYZE) ${[...LOADED, "month_cards", "fee_daily", "fee_monthly", "fee_day_totals", "sync_status_counts", "parks"].join(", ")}`);
await client.end();
console.log(`Loaded ${total} renewals over ${parks} parks and ${days} days in ${seconds()} s.`);
await embedded?.stop();
