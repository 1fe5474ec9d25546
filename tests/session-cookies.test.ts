// Which cookies sign-in sets (the Set-Cookie lines), through next-auth's own handler with our options: always HttpOnly
// and SameSite=Lax; Secure with the __Secure-/__Host- names whenever the console is reached over TLS.
import NextAuth from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase } from "./helpers/database";

type Options = typeof import("@/lib/auth/options").authOptions;
type Cookie = { name: string; value: string; attributes: string[] };

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

/** One request through next-auth's handler; answers its body and the Set-Cookie lines, parsed. */
async function call(options: Options, action: string[], request: { headers: Record<string, string>; cookies?: Cookie[]; body?: unknown }) {
  const headers = new Map<string, unknown>();
  let body: unknown;
  const res = {
    status: () => res,
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    send: (value: unknown) => void (body = value),
    json: (value: unknown) => void (body = value),
    end: () => {},
  };
  const req = {
    method: request.body ? "POST" : "GET",
    query: { nextauth: action },
    headers: request.headers,
    cookies: Object.fromEntries((request.cookies ?? []).map((c) => [c.name, decodeURIComponent(c.value)])),
    body: request.body,
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: Options) => Promise<void>)(req, res, options);
  const lines = ([] as string[]).concat((headers.get("set-cookie") as string[] | string | undefined) ?? []);
  const cookies = lines.map((line): Cookie => {
    const [pair, ...attributes] = line.split(/;\s*/);
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes: attributes.map((a) => a.toLowerCase()) };
  });
  return { body, cookies };
}

/**
 * Signs in as Next.js hands the request over: X-Forwarded-Proto is what the proxy said (kept only
 * from a trusted proxy, see lib/server/forwarded-headers.ts) or else the socket's own protocol.
 */
async function signIn(options: Options, proto: "http" | "https", password = "cookie-password-1"): Promise<Cookie[]> {
  const headers = { host: "console.example.com", "x-forwarded-proto": proto, "x-forwarded-for": "203.0.113.5" };
  const csrf = await call(options, ["csrf"], { headers });
  const { cookies } = await call(options, ["callback", "credentials"], {
    headers,
    cookies: csrf.cookies,
    body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, username: "cookie-user", password, json: "true" },
  });
  return [...csrf.cookies, ...cookies];
}

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
