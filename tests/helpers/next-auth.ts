// next-auth's own handler with our options, driven like Next.js drives it (pages-API style
// req/res), so tests see exactly the answers and Set-Cookie lines a browser would.
import NextAuth from "next-auth";

type Options = typeof import("@/lib/auth/options").authOptions;
export type Cookie = { name: string; value: string; attributes: string[] };

/** One request through next-auth's handler; answers its body and the Set-Cookie lines, parsed. */
export async function callNextAuth(
  options: Options,
  action: string[],
  request: { headers: Record<string, string>; cookies?: Cookie[]; body?: unknown },
) {
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
export async function signInThroughNextAuth(
  options: Options,
  { proto = "http", username, password, ip = "203.0.113.5" }: { proto?: "http" | "https"; username: string; password: string; ip?: string },
): Promise<Cookie[]> {
  const headers = { host: "console.example.com", "x-forwarded-proto": proto, "x-forwarded-for": ip };
  const csrf = await callNextAuth(options, ["csrf"], { headers });
  const { cookies } = await callNextAuth(options, ["callback", "credentials"], {
    headers,
    cookies: csrf.cookies,
    body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, username, password, json: "true" },
  });
  return [...csrf.cookies, ...cookies];
}
