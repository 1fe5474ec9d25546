// Books one verified notice: renewal, card period, fee entry and pending WeChat sync in one
// transaction. The unique idempotency key makes a second booking impossible, across processes.
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma";
import type { BolinkNotice } from "@/lib/bolink/notice-schema";

export type Delivery = { notice: BolinkNotice; dataText: string; rawBody: string; remoteAddr: string | null; key: string };

export type BookingOutcome =
  | { outcome: "booked"; renewalId: number }
  | { outcome: "duplicate"; renewalId: number }
  | { outcome: "conflict"; renewalId: number; fields: string[] };

export async function bookDelivery(db: Db, delivery: Delivery): Promise<BookingOutcome> {
  // Fast path for Bolink's re-sends: most duplicates arrive long after the first was booked.
  const existing = await db.renewal.findUnique({ where: { idempotencyKey: delivery.key }, select: { id: true } });
  if (existing) return recordRedelivery(db, existing.id, delivery);
  try {
    const renewalId = await db.$transaction((tx) => insertBooking(tx, delivery));
    return { outcome: "booked", renewalId };
  } catch (error) {
    // A concurrent delivery of the same payment committed first; ours rolled back entirely.
    if (!isUniqueViolationOn(error, "idempotency_key")) throw error;
    const winner = await db.renewal.findUniqueOrThrow({ where: { idempotencyKey: delivery.key }, select: { id: true } });
    return recordRedelivery(db, winner.id, delivery);
  }
}

async function insertBooking(tx: Tx, { notice, dataText, rawBody, remoteAddr, key }: Delivery): Promise<number> {
  const paid = notice.payState === 1;
  const bookedAt = notice.payTime ?? new Date();
  const renewal = await tx.renewal.create({
    select: { id: true },
    data: {
      idempotencyKey: key,
      unionId: notice.unionId,
      sourceType: notice.sourceType,
      serviceName: notice.serviceName,
      tradeNo: notice.tradeNo,
      outTradeNo: notice.outTradeNo,
      parkId: notice.parkId,
      cardId: notice.cardId,
      carNumber: notice.carNumber,
      licenseColor: notice.licenseColor,
      payState: notice.payState,
      amountFen: notice.amountFen,
      arriveMoneyFen: notice.arriveMoneyFen,
      feeFen: notice.feeFen,
      accountType: notice.accountType,
      payCompany: notice.payCompany,
      payAccount: notice.payAccount,
      payTime: notice.payTime,
      startDate: toDate(notice.startDate),
      endDate: toDate(notice.endDate),
      remark: notice.remark,
      attach: notice.attach === null ? Prisma.DbNull : (notice.attach as Prisma.InputJsonValue),
      extra: Object.keys(notice.extra).length ? (notice.extra as Prisma.InputJsonValue) : Prisma.DbNull,
      sign: notice.sign,
      dataText,
      rawBody,
      remoteAddr,
      bookedAt,
    },
  });
  // Operators map parks to WeChat parking lots; make every park that ever paid show up there.
  await tx.park.createMany({ data: [{ parkId: notice.parkId }], skipDuplicates: true });
  if (!paid) return renewal.id; // failed payments are kept for operators, never booked or pushed

  await tx.feeEntry.create({
    data: {
      renewalId: renewal.id,
      parkId: notice.parkId,
      amountFen: notice.amountFen,
      arriveMoneyFen: notice.arriveMoneyFen,
      feeFen: notice.feeFen,
      accountType: notice.accountType,
      payCompany: notice.payCompany,
      payAccount: notice.payAccount,
      bookedAt,
    },
  });
  await extendCard(tx, renewal.id, notice, bookedAt);
  await tx.wechatSync.create({ data: { renewalId: renewal.id } });
  await tx.$executeRaw`SELECT pg_notify('wechat_sync', ${String(renewal.id)})`;
  return renewal.id;
}

/** The card is known by card_id, else by plate; a notice with neither has no card to extend. */
export function cardKeyOf(notice: Pick<BolinkNotice, "cardId" | "carNumber">): string | null {
  if (notice.cardId) return `c:${notice.cardId}`;
  if (notice.carNumber) return `p:${notice.carNumber}`;
  return null;
}

async function extendCard(tx: Tx, renewalId: number, notice: BolinkNotice, bookedAt: Date) {
  const cardKey = cardKeyOf(notice);
  if (!cardKey) return;
  const start = toDate(notice.startDate);
  const end = toDate(notice.endDate);
  // One statement, so concurrent renewals of the same card both count. The card's current
  // period is the one that ends last; renewals arriving out of order never shorten it.
  const [card] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO month_cards (park_id, card_key, card_id, car_number, period_start, period_end,
                             renewal_count, total_paid_fen, last_renewal_at)
    VALUES (${notice.parkId}, ${cardKey}, ${notice.cardId}, ${notice.carNumber}, ${start}::date, ${end}::date,
            1, ${notice.amountFen}, ${bookedAt})
    ON CONFLICT (park_id, card_key) DO UPDATE SET
      card_id = COALESCE(EXCLUDED.card_id, month_cards.card_id),
      car_number = COALESCE(EXCLUDED.car_number, month_cards.car_number),
      period_start = CASE WHEN EXCLUDED.period_end IS NOT NULL
                          AND (month_cards.period_end IS NULL OR EXCLUDED.period_end >= month_cards.period_end)
                     THEN EXCLUDED.period_start ELSE month_cards.period_start END,
      period_end = GREATEST(month_cards.period_end, EXCLUDED.period_end),
      renewal_count = month_cards.renewal_count + 1,
      total_paid_fen = month_cards.total_paid_fen + EXCLUDED.total_paid_fen,
      last_renewal_at = GREATEST(month_cards.last_renewal_at, EXCLUDED.last_renewal_at)
    RETURNING id`;
  await tx.cardPeriod.create({ data: { cardId: card.id, renewalId, startDate: start, endDate: end } });
}

/**
 * A re-delivery books nothing. When its data differs from what was booked (ignoring key order,
 * spacing and escapes) it is kept once as a conflict and the renewal is flagged for an operator.
 */
async function recordRedelivery(db: Db, renewalId: number, delivery: Delivery): Promise<BookingOutcome> {
  const booked = await db.renewal.findUniqueOrThrow({ where: { id: renewalId }, select: { dataText: true } });
  if (booked.dataText === delivery.dataText) return { outcome: "duplicate", renewalId };
  const fields = differingFields(booked.dataText, delivery.dataText);
  if (!fields.length) return { outcome: "duplicate", renewalId };
  await db.$transaction(async (tx) => {
    const seen = await tx.renewalConflict.findFirst({ where: { renewalId, dataText: delivery.dataText }, select: { id: true } });
    if (!seen) {
      await tx.renewalConflict.create({
        data: { renewalId, fields, dataText: delivery.dataText, rawBody: delivery.rawBody, remoteAddr: delivery.remoteAddr },
      });
    }
    await tx.renewal.update({ where: { id: renewalId }, data: { hasConflict: true } });
  });
  return { outcome: "conflict", renewalId, fields };
}

/**
 * Top-level data fields whose values differ (sorted), e.g. ["amount"]. Key order, spacing,
 * escapes and number-vs-numeric-string ("0.02" vs 0.02, as the vendor's own example mixes) are
 * not differences.
 */
export function differingFields(bookedText: string, newText: string): string[] {
  const a = JSON.parse(bookedText) as Record<string, unknown>;
  const b = JSON.parse(newText) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !sameValue(a[field], b[field])).sort();
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function sameValue(a: unknown, b: unknown): boolean {
  // Mixed number and numeric string: equal when the string has no more digits than a double keeps.
  if (typeof a === "number" && typeof b === "string") return sameValue(b, a);
  if (typeof a === "string" && typeof b === "number") return NUMERIC.test(a) && a.length <= 15 && Number(a) === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function toDate(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

function isUniqueViolationOn(error: unknown, column: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(column);
}
