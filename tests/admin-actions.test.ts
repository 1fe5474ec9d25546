// Admin mutations against a real database: users (with the lock-out guards) and vendor accounts
// (the key is stored, never answered, never audited, masked in the list).
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma";
import type { Db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/actions/users";
import { createVendor, replaceVendorKey, updateVendor } from "@/lib/actions/vendors";
import { listAudit } from "@/lib/queries/audit";
import { listParks } from "@/lib/queries/parks";
import { listRejected } from "@/lib/queries/rejected";
import { parksParams } from "@/lib/validations/parks";
import { auditParams } from "@/lib/validations/audit";
import { rejectedParams } from "@/lib/validations/rejected";
import { callbackUrl, listVendors } from "@/lib/queries/vendors";
import { USER_ERRORS } from "@/lib/validations/users";
import { createTestDatabase } from "./helpers/database";

const PASSWORD = "correct horse battery";
const KEY = "A1B2C3D4E5F60718";
const NEW_KEY = "Z9Y8X7W6V5U4T3S2";

let db: Db;
let url: string;
let passwordHash: string;
let users: Record<Role, SessionUser>;

async function makeUser(username: string, role: Role, disabled = false): Promise<SessionUser> {
  const user = await db.user.create({ data: { username, role, disabled, passwordHash } });
  return { id: user.id, username, role };
}

const auditText = async () => JSON.stringify(await db.auditLog.findMany());

beforeEach(async () => {
  if (!db) {
    ({ db, url } = await createTestDatabase());
    passwordHash = await hashPassword(PASSWORD);
  }
  await db.user.deleteMany();
  await db.vendorAccount.deleteMany();
  await db.auditLog.deleteMany();
  await db.loginThrottle.deleteMany();
  users = {
    ADMIN: await makeUser("root", "ADMIN"),
    OPERATOR: await makeUser("op", "OPERATOR"),
    VIEWER: await makeUser("view", "VIEWER"),
  };
});

describe("user administration", () => {
  it("creates a user with its role; the audit entry names the role, never the password", async () => {
    const result = await createUser.run(users.ADMIN, { username: "alice", password: "alice-password-1", role: "OPERATOR" });
    const alice = await db.user.findUniqueOrThrow({ where: { username: "alice" }, select: { id: true, role: true, passwordHash: true } });
    expect(result).toEqual({ data: { id: alice.id } });
    expect(alice.role).toBe("OPERATOR");
    expect(await verifyPassword(alice.passwordHash, "alice-password-1")).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.create" } });
    expect(entry).toMatchObject({ actor: "root", target: "alice", details: { role: "OPERATOR" } });
    expect(await auditText()).not.toContain("alice-password-1");
  });

  it("changes another user's role and records from → to", async () => {
    expect(await changeUserRole.run(users.ADMIN, { userId: users.VIEWER.id, role: "ADMIN" })).toEqual({ data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.VIEWER.id } })).role).toBe("ADMIN");
    // With two admins now, the other one can be demoted again.
    expect(await changeUserRole.run(users.ADMIN, { userId: users.VIEWER.id, role: "OPERATOR" })).toEqual({ data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.VIEWER.id } })).role).toBe("OPERATOR");
    const entries = await db.auditLog.findMany({ where: { action: "user.change-role" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.details)).toEqual([
      { from: "VIEWER", to: "ADMIN" },
      { from: "ADMIN", to: "OPERATOR" },
    ]);
  });

  it("disables and re-enables a user", async () => {
    expect(await setUserDisabled.run(users.ADMIN, { userId: users.OPERATOR.id, disabled: true })).toEqual({ data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.OPERATOR.id } })).disabled).toBe(true);
    expect(await setUserDisabled.run(users.ADMIN, { userId: users.OPERATOR.id, disabled: false })).toEqual({ data: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.OPERATOR.id } })).disabled).toBe(false);
  });

  it("resets a password: the new one works, the old one does not, a sign-in lock is lifted, nothing secret is audited", async () => {
    await db.loginThrottle.create({ data: { key: "user:view", failures: 5, windowStart: new Date() } });
    await db.loginThrottle.create({ data: { key: "user-ip:view|10.0.0.1", failures: 5, windowStart: new Date(), lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await resetUserPassword.run(users.ADMIN, { userId: users.VIEWER.id, password: "brand-new-password" })).toEqual({ data: null });
    const row = await db.user.findUniqueOrThrow({ where: { id: users.VIEWER.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "brand-new-password")).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    expect(await db.loginThrottle.count({ where: { key: { in: ["user:view", "user-ip:view|10.0.0.1"] } } })).toBe(0);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.reset-password" } });
    expect(entry).toMatchObject({ actor: "root", target: "view" });
    expect(await auditText()).not.toContain("brand-new-password");
  });

  it("refuses a short password, an unknown user and a duplicate name with messages", async () => {
    expect(await resetUserPassword.run(users.ADMIN, { userId: users.VIEWER.id, password: "short" })).toMatchObject({
      error: expect.stringMatching(/^invalid input: password/),
    });
    expect(await setUserDisabled.run(users.ADMIN, { userId: 999_999, disabled: true })).toEqual({ error: USER_ERRORS.notFound });
    expect(await createUser.run(users.ADMIN, { username: "view", password: "a-long-password", role: "ADMIN" })).toEqual({
      error: USER_ERRORS.duplicate,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.VIEWER.id } })).role).toBe("VIEWER");
  });

  it("refuses an admin disabling or demoting themself, even with another admin around", async () => {
    await makeUser("other-admin", "ADMIN");
    expect(await setUserDisabled.run(users.ADMIN, { userId: users.ADMIN.id, disabled: true })).toEqual({ error: USER_ERRORS.selfDisable });
    for (const role of ["OPERATOR", "VIEWER"] as const) {
      expect(await changeUserRole.run(users.ADMIN, { userId: users.ADMIN.id, role })).toEqual({ error: USER_ERRORS.selfDemote });
    }
    const me = await db.user.findUniqueOrThrow({ where: { id: users.ADMIN.id } });
    expect(me).toMatchObject({ role: "ADMIN", disabled: false });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses to disable or demote the last enabled admin", async () => {
    // An admin whose session predates being disabled: the only enabled admin left is "root". The
    // action wrapper re-reads the caller and refuses first; the last-admin guard stays behind it.
    const stale = await makeUser("stale-admin", "ADMIN", true);
    expect(await setUserDisabled.run(stale, { userId: users.ADMIN.id, disabled: true })).toEqual({ error: "unauthenticated" });
    expect(await changeUserRole.run(stale, { userId: users.ADMIN.id, role: "VIEWER" })).toEqual({ error: "unauthenticated" });
    expect(await db.user.findUniqueOrThrow({ where: { id: users.ADMIN.id } })).toMatchObject({ role: "ADMIN", disabled: false });
    // A disabled admin is no guard: demoting it is fine.
    expect(await changeUserRole.run(users.ADMIN, { userId: stale.id, role: "VIEWER" })).toEqual({ data: null });
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const second = await makeUser("second-admin", "ADMIN");
    // Hold both rows so the two actions are sure to overlap, then let them go together.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM users WHERE id = ANY($1) FOR UPDATE", [[users.ADMIN.id, second.id]]);
    const racing = Promise.all([
      changeUserRole.run(users.ADMIN, { userId: second.id, role: "VIEWER" }),
      changeUserRole.run(second, { userId: users.ADMIN.id, role: "VIEWER" }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.query("COMMIT");
    await holder.end();
    const results = await racing;
    expect(results.filter((r) => "data" in r)).toHaveLength(1);
    expect(results.filter((r) => "error" in r)).toEqual([{ error: USER_ERRORS.lastAdmin }]);
    expect(await db.user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
  });

  it.each(["VIEWER", "OPERATOR"] as const)("answers %s forbidden for every user action and changes nothing", async (role) => {
    const caller = users[role];
    const before = await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, passwordHash: true } });
    const target = users.VIEWER.id === caller.id ? users.OPERATOR.id : users.VIEWER.id;
    expect(await createUser.run(caller, { username: "sneaky", password: "a-long-password", role: "ADMIN" })).toEqual({ error: "forbidden" });
    expect(await changeUserRole.run(caller, { userId: caller.id, role: "ADMIN" })).toEqual({ error: "forbidden" });
    expect(await setUserDisabled.run(caller, { userId: target, disabled: true })).toEqual({ error: "forbidden" });
    expect(await resetUserPassword.run(caller, { userId: users.ADMIN.id, password: "taken-over-password" })).toEqual({ error: "forbidden" });
    const after = await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, passwordHash: true } });
    expect(after).toEqual(before);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("vendor administration", () => {
  const create = () => createVendor.run(users.ADMIN, { unionId: "100000", name: "Bolink test", ukey: KEY });

  it("creates a vendor: the key is stored, not answered, not audited, and listed masked", async () => {
    const result = await create();
    const stored = await db.vendorAccount.findUniqueOrThrow({ where: { unionId: "100000" }, select: { id: true, signingKey: true, enabled: true } });
    expect(result).toEqual({ data: { id: stored.id } });
    expect(stored).toMatchObject({ signingKey: KEY, enabled: true });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(await auditText()).not.toContain(KEY);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.create" } })).toMatchObject({ actor: "root", target: "100000" });

    const list = await listVendors(db);
    expect(list).toEqual([
      { id: stored.id, unionId: "100000", name: "Bolink test", enabled: true, keyMask: "••••••••0718", keyNeedsRotation: false, updatedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(list)).not.toContain(KEY);
    expect(JSON.stringify(list)).not.toContain(KEY.slice(0, -4));
  });

  it("refuses a duplicate union_id, a non-numeric union_id and a short key, without echoing the key", async () => {
    await create();
    expect(await create()).toEqual({ error: "union_id already exists" });
    const bad = await createVendor.run(users.ADMIN, { unionId: "10a", name: "x", ukey: KEY });
    expect(bad).toMatchObject({ error: expect.stringMatching(/^invalid input: unionId/) });
    const short = await createVendor.run(users.ADMIN, { unionId: "200000", name: "x", ukey: "short" });
    expect(short).toMatchObject({ error: expect.stringMatching(/^invalid input: ukey/) });
    expect(JSON.stringify(short)).not.toContain("short\"");
    expect(await db.vendorAccount.count()).toBe(1);
  });

  it("edits name and enabled without touching the key", async () => {
    await create();
    const { id } = await db.vendorAccount.findFirstOrThrow();
    expect(await updateVendor.run(users.ADMIN, { id, name: "Renamed", enabled: false })).toEqual({ data: null });
    const row = await db.vendorAccount.findUniqueOrThrow({ where: { id }, select: { name: true, enabled: true, signingKey: true } });
    expect(row).toEqual({ name: "Renamed", enabled: false, signingKey: KEY });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.update" } })).toMatchObject({
      target: "100000",
      details: { name: "Renamed", enabled: false },
    });
  });

  it("replaces the key: stored, never answered or audited, the mask follows", async () => {
    await create();
    const { id } = await db.vendorAccount.findFirstOrThrow();
    const result = await replaceVendorKey.run(users.ADMIN, { id, ukey: `  ${NEW_KEY} ` });
    expect(result).toEqual({ data: null });
    expect((await db.vendorAccount.findUniqueOrThrow({ where: { id }, select: { signingKey: true } })).signingKey).toBe(NEW_KEY);
    expect(await auditText()).not.toContain(NEW_KEY);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "vendor.replace-key" } })).toMatchObject({ target: "100000", details: null });
    expect((await listVendors(db))[0].keyMask).toBe("••••••••T3S2");
    expect(await replaceVendorKey.run(users.ADMIN, { id: 999_999, ukey: NEW_KEY })).toEqual({ error: "vendor not found" });
  });

  it.each(["VIEWER", "OPERATOR"] as const)("answers %s forbidden for every vendor action and changes nothing", async (role) => {
    await create();
    const before = await db.vendorAccount.findFirstOrThrow({ select: { id: true, name: true, enabled: true, signingKey: true } });
    const auditBefore = await db.auditLog.count();
    const caller = users[role];
    expect(await createVendor.run(caller, { unionId: "300000", name: "x", ukey: NEW_KEY })).toEqual({ error: "forbidden" });
    expect(await updateVendor.run(caller, { id: before.id, name: "x", enabled: false })).toEqual({ error: "forbidden" });
    expect(await replaceVendorKey.run(caller, { id: before.id, ukey: NEW_KEY })).toEqual({ error: "forbidden" });
    expect(await db.vendorAccount.findMany({ select: { id: true, name: true, enabled: true, signingKey: true } })).toEqual([before]);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses anonymous callers", async () => {
    expect(await createVendor.run(null, { unionId: "300000", name: "x", ukey: NEW_KEY })).toEqual({ error: "unauthenticated" });
    expect(await db.vendorAccount.count()).toBe(0);
  });
});

describe("callback URL", () => {
  it("uses PUBLIC_URL when set, else the request's host and forwarded protocol", () => {
    const headers = new Headers({ host: "console.internal:3000", "x-forwarded-proto": "https" });
    expect(callbackUrl("https://pay.example.com/", headers)).toBe("https://pay.example.com/api/callbacks/bolink");
    expect(callbackUrl(undefined, headers)).toBe("https://console.internal:3000/api/callbacks/bolink");
    expect(callbackUrl("", new Headers({ host: "127.0.0.1:3100" }))).toBe("http://127.0.0.1:3100/api/callbacks/bolink");
  });
});

describe("read queries: the page's URL, parsed by its schema, against the database", () => {
  const audit = (raw: Record<string, string>) => auditParams.parse(raw).query;
  const rejected = (raw: Record<string, string>) => rejectedParams.parse(raw).query;

  it("audit: filters by action and actor, newest first, pages forward and back by keyset on the id", async () => {
    for (let i = 0; i < 55; i++) await db.auditLog.create({ data: { actor: i % 2 ? "root" : null, action: i < 52 ? "x.a" : "x.b" } });
    const first = await listAudit(db, audit({ action: "x.a" }));
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].id).toBeGreaterThan(first.rows[1].id);
    expect(first.prev).toBeNull();
    const second = await listAudit(db, audit({ action: "x.a", after: first.next! }));
    expect(second.rows).toHaveLength(2);
    expect(second.rows[0].id).toBeLessThan(first.rows[49].id);
    expect(second.next).toBeNull();
    const back = await listAudit(db, audit({ action: "x.a", before: second.prev! }));
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    const oldest = await listAudit(db, audit({ action: "x.a", dir: "asc", perPage: "25" }));
    expect(oldest.rows).toHaveLength(25);
    expect(oldest.rows[0].id).toBeLessThan(oldest.rows[1].id);
    expect((await listAudit(db, audit({ actor: "root", action: "x.b" }))).rows).toHaveLength(1);
    expect((await listAudit(db, audit({ action: "x.a", from: "2000-01-01", to: "2000-01-02" }))).rows).toHaveLength(0);
  });

  it("rejected callbacks: filters by reason code and union_id; an unknown code in the URL is dropped, not applied", async () => {
    await db.rejectedCallback.deleteMany();
    const row = (reason: string, unionId: string | null) => ({ reason, unionId, body: "<script>x</script>", bodyBytes: 18 });
    await db.rejectedCallback.createMany({ data: [row("bad_sign", "1"), row("bad_sign", "2"), row("malformed_json", null)] });
    expect((await listRejected(db, rejected({ reason: "bad_sign" }))).rows.map((r) => r.unionId)).toEqual(["2", "1"]);
    expect((await listRejected(db, rejected({ union: "1" }))).rows).toHaveLength(1);
    const bad = rejectedParams.parse({ reason: "bad" });
    expect(bad.dropped).toEqual(["reason"]);
    expect((await listRejected(db, bad.query)).rows).toHaveLength(3);
  });

  it("parks: by park id, 25 a page, keyset to the next page, searched by id or name in any case", async () => {
    await db.park.deleteMany();
    await db.park.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ parkId: `P${String(i).padStart(2, "0")}`, name: i === 7 ? "东门 North" : null, wxParkingLotId: i < 3 ? `WX${i}` : null })) });
    const parks = (raw: Record<string, string>) => listParks(db, parksParams.parse(raw).query);
    const first = await parks({ perPage: "25" });
    expect(first.rows.map((park) => park.parkId).slice(0, 2)).toEqual(["P00", "P01"]);
    const second = await parks({ perPage: "25", after: first.next! });
    expect(second.rows.map((park) => park.parkId)).toEqual(["P25", "P26", "P27", "P28", "P29"]);
    expect((await parks({ q: "north" })).rows.map((park) => park.parkId)).toEqual(["P07"]);
    expect((await parks({ q: "p2", mapped: "0" })).rows).toHaveLength(10);
    expect((await parks({ mapped: "1", dir: "desc" })).rows.map((park) => park.parkId)).toEqual(["P02", "P01", "P00"]);
  });
});
