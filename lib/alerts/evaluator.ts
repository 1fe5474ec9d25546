// One evaluation pass: open an incident for each new condition, send an update when a grouped
// incident grew past the interval, resolve the incidents whose condition cleared — and queue one
// delivery per channel for each. One instance at a time (a transaction-scoped advisory lock), and
// at most one open incident per key (a partial unique index), so several instances alert once.
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import type { Channel } from "@/lib/alerts/channels";
import { evaluateConditions, type Condition } from "@/lib/alerts/conditions";
import type { KeyExpiry } from "@/lib/alerts/key-expiry";
import { composeMessage, type AlertMessage } from "@/lib/alerts/message";
import { loadAlertRules } from "@/lib/alerts/rules";

/** Arbitrary constant: the advisory lock the evaluator holds for its transaction. */
const EVALUATOR_LOCK = 0x616c657274; // "alert"
export const ALERTS_CHANNEL = "alert_delivery";

export type EvaluateOptions = { baseUrl: string; channels: Channel[]; keys: KeyExpiry[]; now?: Date };
export type EvaluateResult = { skipped: boolean; fired: number; updated: number; resolved: number; queued: number };

export async function evaluateAlerts(db: Db, options: EvaluateOptions): Promise<EvaluateResult> {
  const now = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EVALUATOR_LOCK}::bigint) AS locked`;
      if (!locked) return { skipped: true, fired: 0, updated: 0, resolved: 0, queued: 0 };
      const rules = await loadAlertRules(tx);
      const { evaluated, active } = await evaluateConditions(tx, rules, now, options.keys);
      const open = await tx.alertIncident.findMany({ where: { resolvedAt: null } });
      const openByKey = new Map(open.map((incident) => [incident.key, incident]));
      const result: EvaluateResult = { skipped: false, fired: 0, updated: 0, resolved: 0, queued: 0 };
      const queue = async (incidentId: number, event: string, message: AlertMessage) => {
        if (!options.channels.length) return;
        const { count } = await tx.alertDelivery.createMany({
          data: options.channels.map((channel) => ({ incidentId, channel: channel.key, event, message: message as unknown as Prisma.InputJsonValue })),
          skipDuplicates: true,
        });
        result.queued += count;
      };

      for (const condition of active) {
        const incident = openByKey.get(condition.key);
        if (!incident) {
          const created = await tx.alertIncident.create({
            data: { key: condition.key, rule: condition.rule, details: condition.details, notifiedCount: condition.count, openedAt: now, lastSeenAt: now, notifiedAt: now },
          });
          await queue(created.id, "fired", composeMessage("fired", condition, options.baseUrl, now));
          result.fired++;
          continue;
        }
        const intervalMs = rules.sync_failed.threshold * 60_000;
        const grew = condition.count > incident.notifiedCount && now.getTime() - incident.notifiedAt.getTime() >= intervalMs;
        await tx.alertIncident.update({
          where: { id: incident.id },
          data: {
            lastSeenAt: now,
            details: condition.details,
            ...(grew ? { notifiedCount: condition.count, notifiedAt: now, updates: { increment: 1 } } : {}),
          },
        });
        if (grew) {
          await queue(incident.id, `update:${incident.updates + 1}`, composeMessage("update", condition, options.baseUrl, now));
          result.updated++;
        }
      }

      const activeKeys = new Set(active.map((condition) => condition.key));
      for (const incident of open) {
        if (activeKeys.has(incident.key) || !evaluated.has(incident.rule as Condition["rule"])) continue;
        await tx.alertIncident.update({ where: { id: incident.id }, data: { resolvedAt: now } });
        const condition = { key: incident.key, rule: incident.rule as Condition["rule"], details: incident.details as Condition["details"] };
        await queue(incident.id, "resolved", composeMessage("resolved", condition, options.baseUrl, now));
        result.resolved++;
      }
      if (result.queued) await tx.$executeRaw`SELECT pg_notify(${ALERTS_CHANNEL}, 'queued')`;
      return result;
    },
    { timeout: 30_000 },
  );
}

export type { Tx };
