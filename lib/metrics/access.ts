// Who may scrape /api/metrics: nobody when METRICS_TOKEN is unset, else a matching bearer token.
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "disabled" | "unauthorized" | "ok";

export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "disabled";
  const given = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1];
  if (!given) return "unauthorized";
  // Digests have one length, so the comparison's timing says nothing about the token or its length.
  return timingSafeEqual(digest(given), digest(token)) ? "ok" : "unauthorized";
}

const digest = (text: string) => createHash("sha256").update(text).digest();
