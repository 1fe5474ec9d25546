// Idempotency is per vendor (union_id + trade_no): two vendors' equal trade_no are two payments,
// and the migration that introduced it keeps every earlier booking deduping its re-deliveries.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { UKEY, UNION_ID, postCallback, signedNotice, validData } from "./helpers/callback-ledger";
import { createEmptyDatabase, createTestDatabase } from "./helpers/database";

const OTHER_UNION_ID = "300000";
const OTHER_UKEY = "B2C3D4E5F6071829";

const fromVendor = (unionId: string, ukey: string, data: Record<string, unknown>) =>
  signedNotice(data, { union_id: Number(unionId) }, ukey);

async function addVendors(db: Db) {
  await db.vendorAccount.create({ data: { unionId: UNION_ID, name: "Vendor A", signingKey: UKEY } });
  await db.vendorAccount.create({ data: { unionId: OTHER_UNION_ID, name: "Vendor B", signingKey: OTHER_UKEY } });
}

describe("two vendors with the same trade_no", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await createTestDatabase());
    await addVendors(db);
  });

  it("both book, and each one's re-delivery is still answered state 1 and booked nothing more", async () => {
    const fromA = fromVendor(UNION_ID, UKEY, { ...validData("SAME-1"), amount: "10.00", arrive_money: "10.00", fee: "0" });
    const fromB = fromVendor(OTHER_UNION_ID, OTHER_UKEY, { ...validData("SAME-1"), amount: "20.00", arrive_money: "20.00", fee: "0" });
    for (const body of [fromA, fromB, fromA, fromB, fromB]) expect(await postCallback(body)).toEqual({ state: 1, trade_no: "SAME-1" });

    const renewals = await db.renewal.findMany({ orderBy: { unionId: "asc" }, include: { fee: true, sync: true } });
    expect(renewals.map((r) => [r.unionId, r.idempotencyKey, r.amountFen, r.fee?.amountFen, r.sync?.status, r.hasConflict])).toEqual([
      [UNION_ID, `t:${UNION_ID}:SAME-1`, 1000, 1000, "PENDING", false],
      [OTHER_UNION_ID, `t:${OTHER_UNION_ID}:SAME-1`, 2000, 2000, "PENDING", false],
    ]);
  });
});

describe("the migration to vendor-scoped keys", () => {
  it("rewrites every existing key with its vendor, so earlier bookings still dedupe, and codes the old rejection log", async () => {
    const all = readMigrations();
    const ours = all.findIndex((m) => m.name.endsWith("_vendor_scoped_keys_rejection_codes"));
    expect(ours).toBeGreaterThan(0);
    const url = await createEmptyDatabase();
    await migrate(url, all.slice(0, ours));

    // Bookings and rejections as the previous version wrote them.
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    const dataText = JSON.stringify(validData("OLD-1"));
    await old.query(
      `INSERT INTO renewals (idempotency_key, union_id, trade_no, park_id, pay_state, amount_fen, sign, data_text, raw_body, booked_at)
       VALUES ('t:OLD-1', $1, 'OLD-1', 'P-HOSTILE', 1, 12050, 'x', $2, '{}', now()),
              ('o:' || $1 || ':OUT-2', $1, NULL, 'P', 1, 100, 'x', '{}', '{}', now()),
              ('d:' || repeat('a', 64), $1, NULL, 'P', 1, 100, 'x', '{"a":1}', '{}', now())`,
      [UNION_ID, dataText],
    );
    await old.query(
      `INSERT INTO rejected_callbacks (reason, body, body_bytes) VALUES
         ('bad sign', '', 0), ('bad sign', '', 0), ('invalid field data.amount: more than 2 decimals', '', 0),
         ('missing field data.park_id', '', 0), ('malformed JSON', '', 0), ('something older', '', 0)`,
    );
    await old.end();

    await migrate(url);
    const db = createPrismaClient(url);
    (globalThis as unknown as { consoleDb?: Db }).consoleDb = db;
    try {
      expect((await db.renewal.findMany({ orderBy: { id: "asc" } })).map((r) => r.idempotencyKey)).toEqual([
        `t:${UNION_ID}:OLD-1`,
        `o:${UNION_ID}:OUT-2`,
        `d:${UNION_ID}:${"a".repeat(64)}`,
      ]);
      expect(await db.rejectedCallback.findMany({ orderBy: { id: "asc" }, select: { reason: true, field: true } })).toEqual([
        { reason: "bad_sign", field: null },
        { reason: "bad_sign", field: null },
        { reason: "invalid_field", field: "data.amount" },
        { reason: "missing_field", field: "data.park_id" },
        { reason: "malformed_json", field: null },
        { reason: "other", field: null },
      ]);
      const counts = await db.rejectedCallbackCount.findMany({ orderBy: { reason: "asc" } });
      expect(counts.map((c) => [c.reason, Number(c.count)])).toEqual([
        ["bad_sign", 2],
        ["invalid_field", 1],
        ["malformed_json", 1],
        ["missing_field", 1],
        ["other", 1],
      ]);

      // Bolink re-sends the payment booked before the upgrade: a duplicate, not a second booking.
      await addVendors(db);
      const resent = signedNotice(JSON.parse(dataText) as Record<string, unknown>);
      expect(await postCallback(resent)).toEqual({ state: 1, trade_no: "OLD-1" });
      // The other vendor's payment with that trade_no is its own.
      expect(await postCallback(fromVendor(OTHER_UNION_ID, OTHER_UKEY, validData("OLD-1")))).toEqual({ state: 1, trade_no: "OLD-1" });
      expect(await db.renewal.count({ where: { tradeNo: "OLD-1" } })).toBe(2);
      expect(await db.renewal.count()).toBe(4);

      // During a rolling upgrade an instance of the previous version books with the old key
      // spelling; (trade_no, union_id) is unique too, so the new version still dedupes it.
      const mixedText = JSON.stringify(validData("MIXED-1"));
      await db.$executeRaw`
        INSERT INTO renewals (idempotency_key, union_id, trade_no, park_id, pay_state, amount_fen, sign, data_text, raw_body, booked_at)
        VALUES ('t:MIXED-1', ${UNION_ID}, 'MIXED-1', 'P-HOSTILE', 1, 12050, 'x', ${mixedText}, '{}', now())`;
      expect(await postCallback(signedNotice(validData("MIXED-1")))).toEqual({ state: 1, trade_no: "MIXED-1" });
      expect(await db.renewal.count({ where: { tradeNo: "MIXED-1" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
