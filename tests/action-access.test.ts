// Who may run what: every server action the dashboard exposes (the "use server" modules in
// lib/actions) and every defineAction in lib/actions, run as nobody, viewer, operator and admin on a real database.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma";
import type { ActionResult } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "./helpers/database";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const revalidatePath = vi.hoisted(() => vi.fn());
const setCookie = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: setCookie, get: () => undefined }) }));

const parks = await import("@/lib/actions/parks");
const sync = await import("@/lib/actions/sync");
const users = await import("@/lib/actions/users");
const vendors = await import("@/lib/actions/vendors");
const account = await import("@/lib/actions/account");
const alerts = await import("@/lib/actions/alerts");
const failures = await import("@/lib/actions/failures");
const { setLocale } = await import("@/lib/actions/locale");

type Run = (user: SessionUser | null, input: unknown) => Promise<ActionResult<unknown>>;
type Exposed = (input: never) => Promise<ActionResult<unknown>>;

let db: Db;
let n = 0;
const fixtures = { targetUserId: 0, vendorId: 0, syncId: 0, channelIds: [] as number[], testChannelId: 0 };

/**
 * The one table: each action, the role it needs, and an input that succeeds for that role.
 * `exposed` is the "use server" function the browser calls (null: not exposed to the browser).
 */
const ACTIONS: { name: string; lib: Run; exposed: Exposed | null; role: Role; input: () => unknown }[] = [
  { name: "park.update", lib: parks.updatePark.run, exposed: parks.updatePark, role: "ADMIN", input: () => ({ parkId: `P${++n}`, name: "x", wxParkingLotId: "WX-1", feeTypeOverride: null }) },
  { name: "park.import", lib: parks.importParks.run, exposed: parks.importParks, role: "ADMIN", input: () => ({ csv: `park_id,name,wx_parking_lot_id,fee_type\nP${++n},x,WX-2,\n` }) },
  { name: "sync.resend", lib: sync.resendSyncs.run, exposed: sync.resendSyncs, role: "OPERATOR", input: () => ({ ids: [fixtures.syncId] }) },
  { name: "sync.resend-matching", lib: sync.resendFailedMatching.run, exposed: sync.resendFailedMatching, role: "OPERATOR", input: () => ({ park: "P-NONE" }) },
  { name: "sync.confirm", lib: sync.confirmSyncs.run, exposed: sync.confirmSyncs, role: "OPERATOR", input: () => ({ ids: [fixtures.syncId] }) },
  { name: "sync.pause", lib: sync.setSyncPaused.run, exposed: sync.setSyncPaused, role: "ADMIN", input: () => ({ paused: false }) },
  { name: "user.create", lib: users.createUser.run, exposed: users.createUser, role: "ADMIN", input: () => ({ username: `u${++n}`, password: "a-long-password", role: "VIEWER" }) },
  { name: "user.change-role", lib: users.changeUserRole.run, exposed: users.changeUserRole, role: "ADMIN", input: () => ({ userId: fixtures.targetUserId, role: "VIEWER" }) },
  { name: "user.set-disabled", lib: users.setUserDisabled.run, exposed: users.setUserDisabled, role: "ADMIN", input: () => ({ userId: fixtures.targetUserId, disabled: false }) },
  { name: "user.reset-password", lib: users.resetUserPassword.run, exposed: users.resetUserPassword, role: "ADMIN", input: () => ({ userId: fixtures.targetUserId, password: "another-long-password" }) },
  { name: "user.change-own-password", lib: account.changeOwnPassword.run, exposed: account.changeOwnPassword, role: "VIEWER", input: () => ({ currentPassword: "the-password-1", newPassword: "the-password-1" }) },
  { name: "user.sign-out-everywhere", lib: account.signOutEverywhere.run, exposed: account.signOutEverywhere, role: "VIEWER", input: () => ({}) },
  { name: "alerts.channel.create", lib: alerts.createAlertChannel.run, exposed: alerts.createAlertChannel, role: "ADMIN", input: () => ({ kind: "webhook", name: `c${++n}`, url: "http://127.0.0.1:9/hook", secret: "0123456789abcdef" }) },
  { name: "alerts.channel.delete", lib: alerts.deleteAlertChannel.run, exposed: alerts.deleteAlertChannel, role: "ADMIN", input: () => ({ id: fixtures.channelIds.pop() }) },
  { name: "alerts.rules.save", lib: alerts.saveAlertRules.run, exposed: alerts.saveAlertRules, role: "ADMIN", input: () => ({}) },
  { name: "alerts.channel.test", lib: alerts.sendTestAlert.run, exposed: alerts.sendTestAlert, role: "ADMIN", input: () => ({ channel: `db:${fixtures.testChannelId}` }) },
  { name: "sync.resend-group", lib: failures.resendFailureGroup.run, exposed: failures.resendFailureGroup, role: "OPERATOR", input: () => ({ group: "0123456789abcdef" }) },
  { name: "vendor.create", lib: vendors.createVendor.run, exposed: vendors.createVendor, role: "ADMIN", input: () => ({ unionId: String(700_000 + ++n), name: "x", ukey: "KEY0123456789ABC" }) },
  { name: "vendor.update", lib: vendors.updateVendor.run, exposed: vendors.updateVendor, role: "ADMIN", input: () => ({ id: fixtures.vendorId, name: "renamed", enabled: true }) },
  { name: "vendor.replace-key", lib: vendors.replaceVendorKey.run, exposed: vendors.replaceVendorKey, role: "ADMIN", input: () => ({ id: fixtures.vendorId, ukey: "KEY9876543210ABC" }) },
];

const CALLERS = [null, "VIEWER", "OPERATOR", "ADMIN"] as const;
const RANK = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 } as const;
const expected = (caller: (typeof CALLERS)[number], needed: Role) =>
  caller === null ? "unauthenticated" : RANK[caller] >= RANK[needed] ? "allowed" : "forbidden";
const callers: Record<Role, SessionUser> = {} as never;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  const { hashPassword } = await import("@/lib/auth/password");
  const passwordHash = await hashPassword("the-password-1");
  for (const role of ["VIEWER", "OPERATOR", "ADMIN"] as const) {
    const user = await db.user.create({ data: { username: `caller-${role.toLowerCase()}`, role, passwordHash } });
    callers[role] = { id: user.id, username: user.username, role };
  }
  fixtures.targetUserId = (await db.user.create({ data: { username: "target", role: "VIEWER", passwordHash } })).id;
  fixtures.vendorId = (await db.vendorAccount.create({ data: { unionId: "600000", name: "v", signingKey: "KEY-0000000000" } })).id;
  const renewal = await db.renewal.create({
    data: { idempotencyKey: "t:A", unionId: "600000", parkId: "P", payState: 1, amountFen: 1, sign: "x", dataText: "{}", rawBody: "{}", bookedAt: new Date() },
  });
  for (let i = 0; i < 12; i++) fixtures.channelIds.push((await db.alertChannel.create({ data: { kind: "webhook", name: `d${i}`, target: "http://127.0.0.1:9/" } })).id);
  fixtures.testChannelId = (await db.alertChannel.create({ data: { kind: "webhook", name: "t", target: "http://127.0.0.1:9/", secret: "0123456789abcdef" } })).id;
  fixtures.syncId = (await db.wechatSync.create({ data: { renewalId: renewal.id, status: "FAILED" } })).id;
});

beforeEach(() => revalidatePath.mockClear());

async function outcome(result: ActionResult<unknown>) {
  if ("error" in result && (result.error === "unauthenticated" || result.error === "forbidden")) return result.error;
  expect(result, "an allowed call succeeds with its table input").toHaveProperty("data");
  return "allowed";
}

describe.each(ACTIONS)("$name (needs $role)", ({ lib, exposed, role, input }) => {
  it.each(CALLERS)("called directly by %s", async (caller) => {
    const audit = await db.auditLog.count();
    const result = await lib(caller && callers[caller], input());
    expect(await outcome(result)).toBe(expected(caller, role));
    expect(await db.auditLog.count()).toBe(audit + (expected(caller, role) === "allowed" ? 1 : 0));
  });

  it.runIf(exposed)("as a server action, the session decides, whatever the browser sends", async () => {
    for (const caller of CALLERS) {
      session.user = caller && callers[caller];
      revalidatePath.mockClear();
      const result = await exposed!(input() as never);
      const want = expected(caller, role);
      expect(await outcome(result), `${caller ?? "anonymous"}`).toBe(want);
      expect(revalidatePath.mock.calls.length > 0, "revalidates only after a change").toBe(want === "allowed");
    }
  });
});

describe("completeness", () => {
  it("every defineAction in lib/actions is in the table", () => {
    const dir = path.resolve("lib/actions");
    const defined = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .flatMap((file) => [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/defineAction\(\{\s*name:\s*"([^"]+)"/g)].map((m) => m[1]));
    expect(defined.sort()).toEqual(ACTIONS.map((a) => a.name).sort());
  });

  it('every "use server" function in app/, components/ and lib/ is in the table or is setLocale', async () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.resolve(dir)));
    const serverFiles = files.filter((file) => /^(\s*\/\/.*\n)*\s*["']use server["']/.test(fs.readFileSync(file, "utf8")));
    const exported: unknown[] = [];
    for (const file of serverFiles) {
      const exports = (await import(file)) as Record<string, unknown>;
      exported.push(...Object.values(exports).filter((value) => typeof value === "function"));
    }
    const listed = [...ACTIONS.map((a) => a.exposed).filter(Boolean), setLocale];
    expect(serverFiles.length).toBeGreaterThanOrEqual(5);
    expect(exported.filter((fn) => !listed.includes(fn as Exposed)).map((fn) => (fn as { name: string }).name)).toEqual([]);
    expect(listed).toHaveLength(exported.length);
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("setLocale (a browser preference, the one action without a session)", () => {
  it.each(CALLERS)("as %s: sets only a known locale in an httpOnly cookie", async (caller) => {
    session.user = caller && callers[caller];
    setCookie.mockClear();
    await setLocale("<script>alert(1)</script>");
    const [name, value, options] = setCookie.mock.calls[0];
    expect(name).toBe("locale");
    expect(["zh-CN", "en"]).toContain(value);
    expect(options).toMatchObject({ httpOnly: true, sameSite: "lax" });
  });
});
