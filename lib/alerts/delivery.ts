// Sends queued alert deliveries: claimed with FOR UPDATE SKIP LOCKED and a lease (so several
// instances never send one twice, and a crashed sender's claims come back), retried with backoff,
// every attempt's outcome kept on the row — the delivery log.
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { Channel } from "@/lib/alerts/channels";
import type { AlertMessage } from "@/lib/alerts/message";
import { DeliveryError, sendAlert } from "@/lib/alerts/send";

/** After attempt n fails, wait BACKOFF_MS[n-1]; after the last, the delivery is FAILED for good. */
export const BACKOFF_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];
const LEASE_MS = 60_000;

export type DeliverOptions = { channels: Channel[]; limit?: number; backoffMs?: number[] };

export async function deliverDue(db: Db, options: DeliverOptions): Promise<{ sent: number; failed: number }> {
  const backoff = options.backoffMs ?? BACKOFF_MS;
  const claimed = await db.$queryRaw<{ id: number; channel: string; message: AlertMessage; attempts: number }[]>`
    UPDATE alert_deliveries SET lease_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM alert_deliveries
      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at LIMIT ${options.limit ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, message, attempts`;
  const byKey = new Map(options.channels.map((channel) => [channel.key, channel]));
  let sent = 0;
  let failed = 0;
  await Promise.all(
    claimed.map(async (delivery) => {
      const channel = byKey.get(delivery.channel);
      try {
        if (!channel) throw new DeliveryError("channel no longer configured");
        await sendAlert(channel, delivery.message, delivery.id);
        await db.alertDelivery.update({ where: { id: delivery.id }, data: { status: "SENT", sentAt: new Date(), lastError: null, leaseUntil: null } });
        sent++;
      } catch (error) {
        const reason = error instanceof DeliveryError ? error.message : "internal error";
        if (!(error instanceof DeliveryError)) log.error({ err: error, deliveryId: delivery.id }, "alert delivery failed unexpectedly");
        const delay = channel ? backoff[delivery.attempts - 1] : undefined;
        await db.alertDelivery.update({
          where: { id: delivery.id },
          data:
            delay === undefined
              ? { status: "FAILED", lastError: reason, leaseUntil: null }
              : { lastError: reason, leaseUntil: null, nextAttemptAt: new Date(Date.now() + delay) },
        });
        log.warn({ deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts, err: reason }, "alert delivery failed");
        failed++;
      }
    }),
  );
  return { sent, failed };
}
