// Sessions end when they should: a stolen session cookie (a copy of the token) is refused after a
// password reset, a role change, disabling and "sign out everywhere" — by next-auth's session
// refresh (which also clears the cookie) and by the action wrapper — while changing one's own
// password keeps the caller's re-issued session.
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { changeOwnPassword, signOutEverywhere } from "@/lib/actions/account";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/actions/users";
import { createTestDatabase } from "./helpers/database";
import { callNextAuth, signInThroughNextAuth, type Cookie } from "./helpers/next-auth";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const PASSWORD = "victim-password-1";
let db: Db;
let admin: SessionUser;
let options: typeof import("@/lib/auth/options").authOptions;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  process.env.AUTH_SECRET = SECRET;
  process.env.AUTH_TRUST_HOST = "true";
  delete process.env.PUBLIC_URL;
  options = (await import("@/lib/auth/options")).authOptions;
  const passwordHash = await hashPassword(PASSWORD);
  const root = await db.user.create({ data: { username: "root", role: "ADMIN", passwordHash } });
  admin = { id: root.id, username: root.username, role: root.role };
});

const headers = { host: "console.example.com", "x-forwarded-proto": "http", "x-forwarded-for": "198.51.100.20" };
const sessionCookie = (cookies: Cookie[]) => cookies.filter((c) => c.name === "next-auth.session-token");

/** What next-auth answers a browser holding these cookies at GET /api/auth/session. */
async function sessionOf(cookies: Cookie[]) {
  const { body, cookies: set } = await callNextAuth(options, ["session"], { headers, cookies: sessionCookie(cookies) });
  return { user: (body as { user?: { name: string; id: number; sessionVersion: number } }).user, set: sessionCookie(set) };
}

async function victim(username: string) {
  await db.user.create({ data: { username, role: "OPERATOR", passwordHash: await hashPassword(PASSWORD) } });
  const stolen = await signInThroughNextAuth(options, { username, password: PASSWORD });
  const { user } = await sessionOf(stolen);
  expect(user?.name, "signed in").toBe(username);
  return { stolen, user: { id: user!.id, username, role: "OPERATOR" as const, sessionVersion: user!.sessionVersion } };
}

async function expectEnded(stolen: Cookie[], user: SessionUser) {
  const { user: after, set } = await sessionOf(stolen);
  expect(after, "no session for the old token").toBeUndefined();
  // next-auth answers by clearing the cookie, so refreshing cannot keep it alive either.
  expect(set).toHaveLength(1);
  expect(set[0].value).toBe("");
  // A server action with the ended session is refused and changes nothing.
  expect(await signOutEverywhere.run(user, {})).toEqual({ error: "unauthenticated" });
}

describe("session version", () => {
  it("a stolen session cookie is refused after the password reset, and again after every refresh", async () => {
    const { stolen, user } = await victim("reset-victim");
    // Refreshing keeps a current session alive …
    expect((await sessionOf(stolen)).set).toHaveLength(1);
    expect(await resetUserPassword.run(admin, { userId: user.id, password: "brand-new-password-1" })).toEqual({ data: null });
    // … but not one issued before the reset.
    await expectEnded(stolen, user);
    await expectEnded(stolen, user);
    // The new password signs in afresh.
    const fresh = await signInThroughNextAuth(options, { username: user.username, password: "brand-new-password-1" });
    expect((await sessionOf(fresh)).user?.name).toBe(user.username);
  });

  it("a role change ends the sessions", async () => {
    const { stolen, user } = await victim("role-victim");
    expect(await changeUserRole.run(admin, { userId: user.id, role: "VIEWER" })).toEqual({ data: null });
    await expectEnded(stolen, user);
  });

  it("disabling ends the sessions (and re-enabling does not revive them)", async () => {
    const { stolen, user } = await victim("disabled-victim");
    expect(await setUserDisabled.run(admin, { userId: user.id, disabled: true })).toEqual({ data: null });
    expect(await setUserDisabled.run(admin, { userId: user.id, disabled: false })).toEqual({ data: null });
    await expectEnded(stolen, user);
  });

  it('"sign out everywhere" ends every session, the caller\'s own too', async () => {
    const { stolen, user } = await victim("everywhere-victim");
    const other = await signInThroughNextAuth(options, { username: user.username, password: PASSWORD, ip: "198.51.100.21" });
    expect(await signOutEverywhere.run(user, {})).toEqual({ data: null });
    await expectEnded(stolen, user);
    expect((await sessionOf(other)).user).toBeUndefined();
  });

  it("changing one's own password ends the other sessions; the caller's token, re-issued with the new version, stays", async () => {
    const { stolen, user } = await victim("own-password");
    const mine = await signInThroughNextAuth(options, { username: user.username, password: PASSWORD, ip: "198.51.100.22" });
    const mySession = (await sessionOf(mine)).user!;
    const me = { ...user, sessionVersion: mySession.sessionVersion };

    expect(await changeOwnPassword.run(me, { currentPassword: "wrong-password-1", newPassword: "my-new-password-1" })).toEqual({
      error: "current password is wrong",
    });
    const changed = await changeOwnPassword.run(me, { currentPassword: PASSWORD, newPassword: "my-new-password-1" });
    if (!("data" in changed)) throw new Error(changed.error);

    // What reissueSessionCookie (lib/auth/session-cookie.ts) does with the caller's cookie.
    const token = await decode({ token: sessionCookie(mine)[0].value, secret: SECRET });
    const reissued: Cookie = { ...sessionCookie(mine)[0], value: await encode({ token: { ...token!, sv: changed.data.sessionVersion }, secret: SECRET }) };
    expect((await sessionOf([reissued])).user?.name).toBe(user.username);
    expect((await sessionOf(mine)).user).toBeUndefined();
    await expectEnded(stolen, user);
  });

  it("a token forged without a version, or for a deleted user, is refused", async () => {
    const { stolen } = await victim("deleted-victim");
    const token = await decode({ token: sessionCookie(stolen)[0].value, secret: SECRET });
    const withoutVersion = { ...token! };
    delete withoutVersion.sv;
    const forged: Cookie = { ...sessionCookie(stolen)[0], value: await encode({ token: withoutVersion, secret: SECRET }) };
    expect((await sessionOf([forged])).user).toBeUndefined();
    await db.user.delete({ where: { username: "deleted-victim" } });
    expect((await sessionOf(stolen)).user).toBeUndefined();
  });
});
