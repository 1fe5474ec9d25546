// The peer address of a request. Next.js appends the socket's address to X-Forwarded-For, so
// the last entry is the direct peer; behind N trusted proxies (TRUSTED_PROXY_COUNT) it is the
// entry N places before it. Entries a client wrote itself are never trusted.
export function clientIp(headers: Headers, trustedProxyCount = 0): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[chain.length - 1 - trustedProxyCount];
  return entry ? entry.replace(/^::ffff:/, "") : null;
}
