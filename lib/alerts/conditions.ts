// What is wrong right now, rule by rule: each active condition has a stable key (rule plus
// subject) so the evaluator can tell a new incident from one already open.
import type { RejectReason } from "@/lib/bolink/reject-reasons";
import type { Tx } from "@/lib/db/client";
import type { AlertRules, RuleId } from "@/lib/alerts/rules";
import type { KeyExpiry } from "@/lib/alerts/key-expiry";
import { failureKind } from "@/lib/sync/failure-explanations";
import { failureGroups } from "@/lib/sync/failure-groups";
import { PAUSED_SETTING } from "@/lib/sync/settings";

export type Condition = {
  key: string;
  rule: RuleId;
  /** What grows while the incident is open (failed syncs, conflicts …): a growth past the interval sends an update. */
  count: number;
  details: Record<string, string | number | string[] | null>;
};

export type Evaluation = { evaluated: Set<RuleId>; active: Condition[] };

const MINUTE = 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Bad-signature rejections as the callback log records them (a reason code). */
export const BAD_SIGN_REASON: RejectReason = "bad_sign";

export async function evaluateConditions(tx: Tx, rules: AlertRules, now: Date, keys: KeyExpiry[]): Promise<Evaluation> {
  const evaluated = new Set<RuleId>();
  const active: Condition[] = [];
  const on = (id: RuleId) => rules[id].enabled && (evaluated.add(id), true);

  if (on("sync_failed")) {
    for (const group of await failureGroups(tx)) {
      // A group whose syncs were all resent stays open until their next attempt decides it.
      active.push({
        key: `sync_failed:${group.id}`,
        rule: "sync_failed",
        count: group.failed + group.resent,
        details: {
          group: group.id,
          kind: failureKind(group),
          cause: group.cause,
          sample: group.sample,
          count: group.failed + group.resent,
          parks: group.parks.slice(0, 10),
          parkCount: group.parkCount,
          firstSeen: group.firstSeen.toISOString(),
          lastSeen: group.lastSeen.toISOString(),
        },
      });
    }
  }

  if (on("sync_retrying")) {
    const since = new Date(now.getTime() - rules.sync_retrying.threshold * MINUTE);
    // Measured from the first attempt of the current round (a resend starts a new one), not from
    // booking: an operator resending last week's failure must not look like a week of retrying.
    const [row] = await tx.$queryRaw<{ count: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS count, min(round_start) AS oldest FROM (
        SELECT (SELECT min(a.started_at) FROM wechat_sync_attempts a
                WHERE a.sync_id = s.id AND a.started_at >= coalesce(
                  (SELECT max(r.started_at) FROM wechat_sync_attempts r WHERE r.sync_id = s.id AND r.trigger <> 'WORKER'),
                  '-infinity')) AS round_start
        FROM wechat_syncs s WHERE s.status = 'RETRYING'
      ) rounds WHERE round_start < ${since}`;
    if (row.count > 0n) {
      active.push({
        key: "sync_retrying",
        rule: "sync_retrying",
        count: Number(row.count),
        details: { count: Number(row.count), minutes: rules.sync_retrying.threshold, oldest: row.oldest?.toISOString() ?? null },
      });
    }
  }

  const paused = await tx.setting.findUnique({ where: { key: PAUSED_SETTING } });
  const isPaused = paused?.value === true;

  // Not judged while paused (the sync_paused rule speaks then): an open lag incident stays as it is.
  if (!isPaused && on("queue_lag")) {
    const [row] = await tx.$queryRaw<{ due: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS due, min(next_attempt_at) AS oldest FROM wechat_syncs
      WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()`;
    const lagMinutes = row.oldest ? Math.floor((now.getTime() - row.oldest.getTime()) / MINUTE) : 0;
    if (lagMinutes >= rules.queue_lag.threshold) {
      active.push({ key: "queue_lag", rule: "queue_lag", count: 0, details: { due: Number(row.due), lagMinutes, minutes: rules.queue_lag.threshold } });
    }
  }

  if (on("sync_paused") && isPaused && paused) {
    const minutes = Math.floor((now.getTime() - paused.updatedAt.getTime()) / MINUTE);
    if (minutes >= rules.sync_paused.threshold) {
      active.push({ key: "sync_paused", rule: "sync_paused", count: 0, details: { since: paused.updatedAt.toISOString(), minutes } });
    }
  }

  if (on("signature_spike")) {
    const rows = await tx.$queryRaw<{ union_id: string | null; count: bigint }[]>`
      SELECT union_id, count(*) AS count FROM rejected_callbacks
      WHERE received_at >= ${new Date(now.getTime() - 60 * MINUTE)} AND reason = ${BAD_SIGN_REASON}
      GROUP BY union_id HAVING count(*) >= ${rules.signature_spike.threshold}`;
    for (const row of rows) {
      const vendor = row.union_id ?? "?";
      active.push({
        key: `signature_spike:${vendor}`,
        rule: "signature_spike",
        count: Number(row.count),
        details: { vendor, count: Number(row.count), threshold: rules.signature_spike.threshold },
      });
    }
  }

  // Only judged inside business hours: outside them an open incident stays as it is.
  const chinaHour = new Date(now.getTime() + CHINA_OFFSET_MS).getUTCHours();
  if (rules.no_notice.enabled && chinaHour >= rules.businessHours.from && chinaHour < rules.businessHours.to) {
    evaluated.add("no_notice");
    const [row] = await tx.$queryRaw<{ last: Date | null; vendors: bigint }[]>`
      SELECT (SELECT received_at FROM renewals ORDER BY id DESC LIMIT 1) AS last,
             (SELECT count(*) FROM vendor_accounts WHERE enabled) AS vendors`;
    // A console that never received a notice is being set up, not failing.
    if (row.last && row.vendors > 0n && now.getTime() - row.last.getTime() >= rules.no_notice.threshold * 60 * MINUTE) {
      active.push({ key: "no_notice", rule: "no_notice", count: 0, details: { last: row.last.toISOString(), hours: rules.no_notice.threshold } });
    }
  }

  if (on("conflicts")) {
    const [row] = await tx.$queryRaw<{ count: bigint; renewals: bigint }[]>`
      SELECT count(*) AS count, count(DISTINCT renewal_id) AS renewals FROM renewal_conflicts
      WHERE received_at >= ${new Date(now.getTime() - rules.conflicts.threshold * 60 * MINUTE)}`;
    if (row.count > 0n) {
      active.push({
        key: "conflicts",
        rule: "conflicts",
        count: Number(row.count),
        details: { count: Number(row.count), renewals: Number(row.renewals), hours: rules.conflicts.threshold },
      });
    }
  }

  if (on("key_expiry")) {
    for (const key of keys) {
      const days = Math.floor((key.expiresAt.getTime() - now.getTime()) / (1440 * MINUTE));
      if (days < rules.key_expiry.threshold) {
        active.push({
          key: `key_expiry:${key.serial}`,
          rule: "key_expiry",
          count: 0,
          details: { name: key.name, serial: key.serial, expiresAt: key.expiresAt.toISOString(), days },
        });
      }
    }
  }

  return { evaluated, active };
}
