// The standalone worker has no web server; this one answers GET /metrics (same token rules as
// /api/metrics) so its attempt counters and heartbeat can be scraped too.
import http from "node:http";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { metricsAccess } from "@/lib/metrics/access";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export async function serveMetrics(db: Db, options: { port: number; token: string; host?: string }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const json = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers }).end(JSON.stringify(body));
    };
    if (req.method !== "GET" || new URL(req.url ?? "/", "http://localhost").pathname !== "/metrics") return json(404, { error: "not found" });
    if (metricsAccess(req.headers.authorization ?? null, options.token) !== "ok") {
      return json(401, { error: "unauthorized" }, { "www-authenticate": 'Bearer realm="metrics"' });
    }
    scrapeMetrics(db).then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body),
      (error: unknown) => {
        log.error({ err: error }, "metrics scrape failed");
        json(500, { error: "metrics unavailable" });
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port, options.host ?? "0.0.0.0", resolve));
  return server;
}
