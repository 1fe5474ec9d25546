// Recording what happened to a push: the attempt row and the sync's new state in one statement,
// so one commit per outcome. Only the lease holder moves the sync on; a worker that lost its lease
// (it was too slow, another took over) still leaves its attempt in the log.
import type { Sql } from "@/lib/db/client";
import type { AttemptTrigger } from "@/lib/generated/prisma";
import type { CallResult } from "@/lib/wechatpay/client";
import type { SyncOutcome } from "@/lib/sync/outcome";

export type AttemptRecord = {
  syncId: number;
  startedAt: Date;
  body: string;
  result: CallResult;
  /** This attempt's number in the round, 1-based. */
  attempt: number;
  trigger: AttemptTrigger;
  triggeredBy: string | null;
};

// Retried after a lost connection, the statement may already have committed (the answer was
// lost, not the write): the attempt is keyed by (sync, started_at) so a retry cannot log it twice.
const RECORD_SQL = `
  WITH attempt AS (
    INSERT INTO wechat_sync_attempts
      (sync_id, started_at, duration_ms, host, http_status, code, message, request_body, response_body, signature_check, outcome, trigger, triggered_by)
    SELECT $1::int, $2::timestamptz, $3::int, $4::text, $5::int, $6::text, $7::text, $8::text, $9::text, $10::text,
           $11::"AttemptOutcome", $12::"AttemptTrigger", $13::text
    WHERE NOT EXISTS (SELECT 1 FROM wechat_sync_attempts WHERE sync_id = $1::int AND started_at = $2::timestamptz)
  )
  UPDATE wechat_syncs SET
    status = $14::"SyncStatus", attempt_count = $15, next_attempt_at = coalesce($16, next_attempt_at),
    last_http_status = $5::int, last_code = $6::text, last_error = $17, last_signature_check = $10::text,
    synced_at = CASE WHEN $14::"SyncStatus" = 'SYNCED' THEN now() ELSE synced_at END,
    lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
  WHERE id = $1 AND lease_owner = $18`;

/** Returns whether this worker still held the lease (and so moved the sync on). */
export async function recordAttempt(sql: Sql, workerId: string, record: AttemptRecord, outcome: SyncOutcome): Promise<boolean> {
  const { result } = record;
  const { rowCount } = await sql.query(RECORD_SQL, [
    record.syncId,
    record.startedAt,
    result.durationMs,
    result.host,
    result.httpStatus,
    result.code,
    result.message,
    record.body,
    result.responseBody,
    result.signatureCheck,
    outcome.attemptOutcome,
    record.trigger,
    record.triggeredBy,
    outcome.status,
    record.attempt,
    outcome.nextAttemptAt,
    outcome.lastError,
    workerId,
  ]);
  return rowCount === 1;
}

/** A sync whose renewal cannot be mapped to a WeChat body fails at once, with no call made. */
export async function recordMappingFailure(sql: Sql, workerId: string, syncId: number, reason: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE wechat_syncs SET status = 'FAILED', last_error = $2, last_http_status = NULL, last_code = NULL, last_signature_check = NULL,
       lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
     WHERE id = $1 AND lease_owner = $3`,
    [syncId, `cannot map: ${reason}`.slice(0, 500), workerId],
  );
  return rowCount === 1;
}
