// Which cookies sign-in sets (the Set-Cookie lines), through next-auth's own handler with our options: always HttpOnly
// and SameSite=Lax; Secure with the __Secure-/__Host- names whenever the console is reached over TLS.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase } from "./helpers/database";
import { signInThroughNextAuth, type Cookie } from "./helpers/next-auth";

type Options = typeof import("@/lib/auth/options").authOptions;

beforeAll(async () => {
  const { db } = await createTestDatabase();
  await db.user.create({ data: { username: "cookie-user", role: "VIEWER", passwordHash: await hashPassword("cookie-password-1") } });
  process.env.AUTH_SECRET = "a-test-secret-that-is-long-enough-0123456789";
  process.env.AUTH_TRUST_HOST = "true"; // as scripts/start.ts sets it
  delete process.env.NEXTAUTH_URL;
});

/** authOptions as a server started with this PUBLIC_URL builds them. */
async function optionsWith(publicUrl: string | undefined): Promise<Options> {
  vi.resetModules();
  if (publicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = publicUrl;
  return (await import("@/lib/auth/options")).authOptions;
}

const signIn = (options: Options, proto: "http" | "https", password = "cookie-password-1") =>
  signInThroughNextAuth(options, { proto, username: "cookie-user", password });

const session = (cookies: Cookie[]) => cookies.find((c) => c.name.endsWith("next-auth.session-token"));

describe("session cookies", () => {
  it.each([
    { publicUrl: undefined, proto: "http", secure: false },
    { publicUrl: undefined, proto: "https", secure: true }, // TLS ended at a trusted proxy
    { publicUrl: "https://console.example.com", proto: "http", secure: true }, // proxy not declared trusted
    { publicUrl: "http://console.example.com", proto: "http", secure: false },
  ] as const)("PUBLIC_URL=$publicUrl, request via $proto: Secure=$secure", async ({ publicUrl, proto, secure }) => {
    const cookies = await signIn(await optionsWith(publicUrl), proto);
    const token = session(cookies);
    expect(token, "signed in").toBeDefined();
    expect(token!.name).toBe(secure ? "__Secure-next-auth.session-token" : "next-auth.session-token");
    expect(token!.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(token!.attributes.includes("secure")).toBe(secure);
    const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"))!;
    expect(csrf.name).toBe(secure ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token");
    expect(csrf.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(csrf.attributes.includes("secure")).toBe(secure);
  });

  it("a wrong password sets no session cookie", async () => {
    expect(session(await signIn(await optionsWith(undefined), "http", "wrong-password-1"))).toBeUndefined();
  });
});
