// What the database says happened, read with plain SQL so the checks share no code with the app.
import pg from "pg";
import { waitUntil } from "./postgres";

export type Ledger = {
  /** trade_no → number of renewals booked for it. */
  renewalsByTrade: Map<string, number>;
  renewals: number;
  feeEntries: number;
  cardPeriods: number;
  syncs: Record<string, number>;
  /** out_trade_no → sync status, for the failed ones their reason. */
  syncByOutTrade: Map<string, { status: string; lastError: string | null }>;
  /** out_trade_no → the worker's recorded successes (verified 204s) and when the last one ended. */
  successes: Map<string, { count: number; endedAt: Date; isLastAttempt: boolean }>;
};

export async function readLedger(databaseUrl: string): Promise<Ledger> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const renewals = await client.query<{ trade_no: string; n: string }>("SELECT trade_no, count(*) AS n FROM renewals GROUP BY trade_no");
    const counts = await client.query<{ fees: string; periods: string }>(
      "SELECT (SELECT count(*) FROM fee_entries) AS fees, (SELECT count(*) FROM card_periods) AS periods",
    );
    const syncs = await client.query<{ out_trade_no: string; status: string; last_error: string | null }>(
      "SELECT r.out_trade_no, s.status, s.last_error FROM wechat_syncs s JOIN renewals r ON r.id = s.renewal_id",
    );
    const successes = await client.query<{ out_trade_no: string; n: string; ended_at: Date; is_last: boolean }>(`
      SELECT r.out_trade_no, count(*) AS n, max(a.started_at + a.duration_ms * interval '1 millisecond') AS ended_at,
             max(a.id) = (SELECT max(id) FROM wechat_sync_attempts WHERE sync_id = s.id) AS is_last
      FROM wechat_sync_attempts a JOIN wechat_syncs s ON s.id = a.sync_id JOIN renewals r ON r.id = s.renewal_id
      WHERE a.outcome = 'SUCCESS' GROUP BY r.out_trade_no, s.id`);
    const byStatus: Record<string, number> = {};
    for (const row of syncs.rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    return {
      renewalsByTrade: new Map(renewals.rows.map((row) => [row.trade_no, Number(row.n)])),
      renewals: renewals.rows.reduce((sum, row) => sum + Number(row.n), 0),
      feeEntries: Number(counts.rows[0].fees),
      cardPeriods: Number(counts.rows[0].periods),
      syncs: byStatus,
      syncByOutTrade: new Map(syncs.rows.map((row) => [row.out_trade_no, { status: row.status, lastError: row.last_error }])),
      successes: new Map(
        successes.rows.map((row) => [row.out_trade_no, { count: Number(row.n), endedAt: row.ended_at, isLastAttempt: row.is_last }]),
      ),
    };
  } finally {
    await client.end();
  }
}

/** Waits until no sync is pending or retrying any more, and returns the ledger then. */
export async function waitForSyncsToSettle(databaseUrl: string, timeoutMs: number): Promise<Ledger> {
  let ledger = await readLedger(databaseUrl);
  await waitUntil(
    async () => {
      ledger = await readLedger(databaseUrl);
      return !ledger.syncs.PENDING && !ledger.syncs.RETRYING;
    },
    timeoutMs,
    "every WeChat sync to end synced or failed",
    500,
  );
  return ledger;
}
