import type { IncomingMessage } from "node:http";

/**
 * Rewrites X-Forwarded-* so the app can trust them: keeps only the entries the last
 * `trustedProxyCount` proxies wrote and appends the socket's peer. Next.js only fills these
 * headers when they are absent, so without this a client could claim any address or host.
 */
export function normalizeForwardedHeaders(req: IncomingMessage, trustedProxyCount: number) {
  const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const claimed = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trusted = trustedProxyCount > 0 ? claimed.slice(-trustedProxyCount) : [];
  req.headers["x-forwarded-for"] = [...trusted, peer].filter(Boolean).join(", ");
  if (trustedProxyCount === 0) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
}
