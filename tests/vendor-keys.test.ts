// Vendor keys: new keys need 16+ letters and digits; a shorter key already stored keeps verifying
// callbacks, and the vendors list and the start-up log say to rotate it.
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/callbacks/bolink/route";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { createVendor, replaceVendorKey } from "@/lib/actions/vendors";
import { listVendors } from "@/lib/queries/vendors";
import { warnAboutWeakVendorKeys } from "@/lib/server/bootstrap";
import { signedNotice, validData } from "./helpers/callback-ledger";
import { createTestDatabase } from "./helpers/database";

const LEGACY_KEY = "OLD8KEY!"; // 8 visible characters: what the console accepted before
let db: Db;
let admin: SessionUser;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const user = await db.user.create({ data: { username: "root", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: user.role };
  await db.vendorAccount.create({ data: { unionId: "300000", name: "Legacy", signingKey: LEGACY_KEY } });
});

describe("vendor keys", () => {
  it.each([
    ["15 characters", "A1B2C3D4E5F6071"],
    ["punctuation", "A1B2C3D4E5F6071-"],
    ["a space inside", "A1B2C3D4 E5F60718"],
    ["non-ASCII letters", "Ａ1B2C3D4E5F607189"],
  ])("refuses a new key with %s", async (_, ukey) => {
    const created = await createVendor.run(admin, { unionId: "400000", name: "New", ukey });
    expect(created).toMatchObject({ error: expect.stringMatching(/^invalid input: ukey/) });
    const { id } = await db.vendorAccount.findUniqueOrThrow({ where: { unionId: "300000" } });
    expect(await replaceVendorKey.run(admin, { id, ukey })).toMatchObject({ error: expect.stringMatching(/^invalid input: ukey/) });
    expect(await db.vendorAccount.count()).toBe(1);
  });

  it("a stored short key still verifies callbacks, and is listed and logged as needing rotation", async () => {
    const answer = await POST(
      new Request("http://localhost/api/callbacks/bolink", {
        method: "POST",
        body: signedNotice(validData("WEAK-KEY-1"), { union_id: 300000 }, LEGACY_KEY),
        headers: { "x-forwarded-for": "203.0.113.7" },
      }),
    );
    expect(await answer.json()).toEqual({ state: 1, trade_no: "WEAK-KEY-1" });
    expect(await db.renewal.count({ where: { unionId: "300000" } })).toBe(1);

    expect((await listVendors(db)).map((v) => [v.unionId, v.keyNeedsRotation])).toEqual([["300000", true]]);
    expect(await warnAboutWeakVendorKeys(db)).toEqual(["300000"]);
  });

  it("a 16-character key is accepted, and rotating to it clears the warning", async () => {
    const created = await createVendor.run(admin, { unionId: "500000", name: "New", ukey: "Z9Y8X7W6V5U4T3S2" });
    expect(created).toMatchObject({ data: { id: expect.any(Number) } });
    const { id } = await db.vendorAccount.findUniqueOrThrow({ where: { unionId: "300000" } });
    expect(await replaceVendorKey.run(admin, { id, ukey: "k3yWithMixedCase16" })).toEqual({ data: null });
    expect((await listVendors(db)).filter((v) => v.keyNeedsRotation)).toEqual([]);
    expect(await warnAboutWeakVendorKeys(db)).toEqual([]);
  });
});
