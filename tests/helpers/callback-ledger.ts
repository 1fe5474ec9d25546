// Posts bodies to the real callback route handler and checks the booking tables stay whole.
import { beforeAll, beforeEach, expect } from "vitest";
import { z } from "zod";
import { POST } from "@/app/api/callbacks/bolink/route";
import { signData } from "@/lib/bolink/signature";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "./database";

export const UNION_ID = "100000";
export const UKEY = "A1B2C3D4E5F60718";

/** The tables one booking writes (lib/bolink/booking.ts). */
const BOOKING_TABLES = ["renewals", "renewal_conflicts", "fee_entries", "month_cards", "card_periods", "wechat_syncs"];

/**
 * For a test file that books through the callback route: a fresh test database with the test
 * vendor (UNION_ID / UKEY), handed to `use` once it exists, and the booking tables (plus
 * `alsoEmpty`) emptied before each test.
 */
export function bookingDatabase(use: (db: Db) => void, options: { alsoEmpty?: string[] } = {}) {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await createTestDatabase());
    use(db);
    await db.vendorAccount.create({ data: { unionId: UNION_ID, name: "Bolink test", signingKey: UKEY } });
  });
  beforeEach(async () => {
    await db.$executeRawUnsafe(`TRUNCATE ${[...BOOKING_TABLES, ...(options.alsoEmpty ?? [])].join(", ")} CASCADE`);
  });
}
/** What the route answers when intake itself threw: never acceptable for any input. */
const CRASHED = "temporarily unavailable, please retry";

const answerSchema = z.union([
  z.strictObject({ state: z.literal(1), trade_no: z.string() }),
  z.strictObject({ state: z.literal(0), trade_no: z.string(), errmsg: z.string().min(1).max(200) }),
]);
export type Answer = z.infer<typeof answerSchema>;

export async function postCallback(body: BodyInit): Promise<Answer> {
  const response = await POST(
    new Request("http://localhost/api/callbacks/bolink", {
      method: "POST",
      body,
      headers: { "x-forwarded-for": "198.51.100.9" },
      // A streamed body must say so (fetch's rule); Bolink's bodies arrive as a stream too.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  const answer = answerSchema.parse(await response.json());
  if (answer.state === 0) expect(answer.errmsg).not.toBe(CRASHED);
  return answer;
}

/** A correctly signed notice: `data` is serialised once, and that exact text is signed (with `ukey`). */
export function signedNotice(data: Record<string, unknown>, envelope: Record<string, unknown> = {}, ukey = UKEY): string {
  const dataText = JSON.stringify(data);
  const head = JSON.stringify({ union_id: Number(UNION_ID), sign: signData(dataText, ukey), ...envelope });
  return `${head.slice(0, -1)},"data":${dataText}}`;
}

export function validData(tradeNo: string): Record<string, unknown> {
  return {
    trade_no: tradeNo,
    out_trade_no: `O-${tradeNo}`,
    park_id: "P-HOSTILE",
    card_id: `C-${tradeNo}`,
    car_number: "京A47829",
    amount: "120.50",
    arrive_money: "120.00",
    fee: "0.50",
    state: 1,
    pay_time: 1_790_000_000,
    account_type: 1,
    remark: "月卡续费",
    start_time: "2026-11-01",
    end_time: "2026-11-30",
  };
}

export type Ledger = { renewals: number; fees: number; syncs: number; periods: number; cards: number; rejected: number };

/**
 * Row counts, after checking that no booking is partial: every paid renewal has exactly its fee
 * entry, sync and (with a card or plate) card period; failed payments have none; the cards'
 * renewal counts add up to the periods.
 */
export async function ledger(db: Db): Promise<Ledger> {
  const [row] = await db.$queryRaw<(Ledger & { broken: number; cardRenewals: number; paid: number })[]>`
    SELECT (SELECT count(*) FROM renewals)::int AS renewals,
           (SELECT count(*) FROM fee_entries)::int AS fees,
           (SELECT count(*) FROM wechat_syncs)::int AS syncs,
           (SELECT count(*) FROM card_periods)::int AS periods,
           (SELECT count(*) FROM month_cards)::int AS cards,
           (SELECT count(*) FROM rejected_callbacks)::int AS rejected,
           (SELECT count(*) FROM renewals WHERE pay_state = 1)::int AS paid,
           (SELECT coalesce(sum(renewal_count), 0) FROM month_cards)::int AS "cardRenewals",
           (SELECT count(*) FROM renewals r WHERE
              (r.pay_state = 1) <> EXISTS (SELECT 1 FROM fee_entries f WHERE f.renewal_id = r.id)
              OR (r.pay_state = 1) <> EXISTS (SELECT 1 FROM wechat_syncs s WHERE s.renewal_id = r.id)
              OR (r.pay_state = 1 AND (r.card_id IS NOT NULL OR r.car_number IS NOT NULL))
                 <> EXISTS (SELECT 1 FROM card_periods p WHERE p.renewal_id = r.id))::int AS broken`;
  const { broken, cardRenewals, paid, ...counts } = row;
  expect(broken, "renewals with a partial booking").toBe(0);
  expect(cardRenewals).toBe(counts.periods);
  expect([counts.fees, counts.syncs]).toEqual([paid, paid]);
  return counts;
}

/** The answer and the row counts agree: state 0 booked nothing and logged a rejection; state 1 booked at most one. */
export function expectOutcome(answer: Answer, before: Ledger, after: Ledger) {
  const { rejected: rejectedBefore, ...bookedBefore } = before;
  const { rejected: rejectedAfter, ...bookedAfter } = after;
  if (answer.state === 0) {
    expect(bookedAfter).toEqual(bookedBefore);
    expect(rejectedAfter).toBe(rejectedBefore + 1);
  } else {
    expect(rejectedAfter).toBe(rejectedBefore);
    expect(after.renewals - before.renewals).toBeLessThanOrEqual(1);
  }
}
