// npm run seed:large -- --renewals 1000000 [--parks 200] [--database-url postgresql://…]
// Bulk-loads synthetic renewals for performance work, straight into PostgreSQL with set-based
// INSERT … SELECT over generate_series (server-side, no rows cross the wire): renewals over two
// years and `--parks` parks, their fee entries, month cards and periods, and WeChat syncs
// (mostly synced, some failed or pending). Without --database-url it uses DATABASE_URL, or the
// embedded database in DATA_DIR (start it with `npm start` first… or let this script start it).
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { values } = parseArgs({
  options: { renewals: { type: "string", default: "1000000" }, parks: { type: "string", default: "200" }, "database-url": { type: "string" } },
});
const total = Number(values.renewals);
const parks = Number(values.parks);
const env = parseEnv();
const embedded = values["database-url"] ?? env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: env.DATA_DIR });
const url = values["database-url"] ?? env.DATABASE_URL ?? embedded!.url;
await migrate(url);
const client = new pg.Client({ connectionString: url });
await client.connect();

const BATCH = 100_000;
const started = performance.now();
const run = Date.now().toString(36); // keeps keys unique when the script runs again
for (let done = 0; done < total; done += BATCH) {
  const n = Math.min(BATCH, total - done);
  await client.query("BEGIN");
  const before = Number((await client.query<{ max: string }>("SELECT coalesce(max(id), 0) AS max FROM renewals")).rows[0].max);
  // Each synthetic card (1 in 12 renewals) renews monthly; pay times spread over two years.
  await client.query(
    `INSERT INTO renewals (idempotency_key, union_id, trade_no, out_trade_no, park_id, card_id, car_number, license_color,
       pay_state, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, pay_time, start_date, end_date,
       remark, sign, data_text, raw_body, received_at, booked_at)
     SELECT 't:L' || $3 || '-' || g, '100000', 'L' || $3 || '-' || g, 'LO' || $3 || '-' || g,
       (20000 + g % $2)::text, 'LC' || (g / 12), '京' || chr((65 + g % 20)::int) || lpad((g % 99999)::text, 5, '0'), (g % 8 = 0)::int * 4,
       CASE WHEN g % 50 = 0 THEN 0 ELSE 1 END, 25000 + (g % 4) * 2500, 25000 + (g % 4) * 2500 - 150, 150, 1, (g % 5 = 0)::int, 1,
       t, t::date + 3, (t::date + 3 + interval '1 month' - interval '1 day')::date,
       '月卡续费', 'X', '{}', '{}', t, t
     FROM generate_series($1::bigint + 1, $1::bigint + $4) AS g,
          LATERAL (SELECT now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second' AS t) AS x`,
    [done, parks, run, n],
  );
  await client.query(
    `INSERT INTO fee_entries (renewal_id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at)
     SELECT id, park_id, amount_fen, arrive_money_fen, fee_fen, account_type, pay_company, pay_account, booked_at
     FROM renewals WHERE id > $1 AND pay_state = 1`,
    [before],
  );
  await client.query(
    `INSERT INTO wechat_syncs (renewal_id, status, attempt_count, next_attempt_at, last_code, last_http_status, last_error, synced_at, created_at, updated_at)
     SELECT id, s.status::"SyncStatus", 1, booked_at, s.code, s.http, s.err, CASE WHEN s.status = 'SYNCED' THEN booked_at END, booked_at, booked_at
     FROM renewals r, LATERAL (SELECT CASE WHEN r.id % 997 = 0 THEN 'FAILED' WHEN r.id % 1009 = 0 THEN 'PENDING' ELSE 'SYNCED' END AS status) s0,
          LATERAL (SELECT s0.status, CASE WHEN s0.status = 'FAILED' THEN 'PARAM_ERROR' END AS code,
                          CASE WHEN s0.status = 'FAILED' THEN 400 WHEN s0.status = 'SYNCED' THEN 204 END AS http,
                          CASE WHEN s0.status = 'FAILED' THEN 'HTTP 400 · PARAM_ERROR · wx_parking_lot_id 不存在' END AS err) s
     WHERE r.id > $1 AND r.pay_state = 1`,
    [before],
  );
  await client.query(
    `INSERT INTO month_cards (park_id, card_key, card_id, car_number, period_start, period_end, renewal_count, total_paid_fen, last_renewal_at)
     SELECT park_id, 'c:' || card_id, card_id, max(car_number), max(start_date), max(end_date), count(*), sum(amount_fen), max(booked_at)
     FROM renewals WHERE id > $1 AND pay_state = 1 GROUP BY park_id, card_id
     ON CONFLICT (park_id, card_key) DO UPDATE SET
       period_start = GREATEST(month_cards.period_start, EXCLUDED.period_start), period_end = GREATEST(month_cards.period_end, EXCLUDED.period_end),
       renewal_count = month_cards.renewal_count + EXCLUDED.renewal_count, total_paid_fen = month_cards.total_paid_fen + EXCLUDED.total_paid_fen,
       last_renewal_at = GREATEST(month_cards.last_renewal_at, EXCLUDED.last_renewal_at)`,
    [before],
  );
  await client.query(
    `INSERT INTO card_periods (card_id, renewal_id, start_date, end_date)
     SELECT c.id, r.id, r.start_date, r.end_date FROM renewals r JOIN month_cards c ON c.park_id = r.park_id AND c.card_key = 'c:' || r.card_id
     WHERE r.id > $1 AND r.pay_state = 1`,
    [before],
  );
  await client.query(`INSERT INTO parks (park_id, updated_at) SELECT DISTINCT park_id, now() FROM renewals WHERE id > $1 ON CONFLICT DO NOTHING`, [before]);
  await client.query("COMMIT");
  process.stdout.write(`\r${done + n} / ${total} renewals (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
await client.query("ANALYZE");
await client.end();
console.log(`\nLoaded ${total} renewals over ${parks} parks in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
await embedded?.stop();
