// The dashboard's pages over HTTP: the production build (`npm start`) on a seeded database
// (bench/queries.ts seeds it), signed in as an admin through next-auth's credentials endpoint,
// each page fetched whole (server rendering included) the way a browser asks for it.
import os from "node:os";
import { databaseExists, withClient, type BenchCluster } from "./database";
import { percentile } from "./machine";
import { startApp } from "./servers";

export type PageResult = { path: string; runs: number; p50: number; p95: number; bytes: number; load1m: number; firstMs?: number; warmupMaxMs?: number };
export type PagesResult = { renewals: number; pages: PageResult[] };

const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3871); // another port when several benches share a machine
const PASSWORD = "bench-admin-password"; // startApp's ADMIN_PASSWORD: the first start creates that admin
/**
 * Fetches of each page before the timed ones. After a start the first fetches of a page are slow
 * (its render code is not optimised yet, and at 10 M what it reads may not be in memory): at 10 M
 * the overview took 6.6 s, 0.7 s, 0.7 s, 0.3 s, 0.2 s, 0.3 s, then ~0.1 s. Two warm-up fetches
 * left some of those in the p95; the report shows the first fetch and the slowest warm-up fetch
 * beside the timed ones instead.
 */
export const WARMUP_FETCHES = 10;

class Session {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async signIn(username: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
    });
    const me = (await (await this.fetch("/api/me")).json()) as { user?: { username: string } };
    if (me.user?.username !== username) throw new Error(`pages: could not sign in as ${username}`);
  }
}

export async function benchPages(cluster: BenchCluster, options: { renewals: number; runs: number; log: (line: string) => void }): Promise<PagesResult | null> {
  const name = `bench_dashboard_${options.renewals}`;
  if (!(await databaseExists(cluster, name))) {
    options.log(`pages: no seeded database ${name} (run the queries part first); skipped`);
    return null;
  }
  const url = cluster.urlFor(name);
  const inputs = await withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number; car_number: string }>(
      "SELECT id, car_number FROM renewals WHERE id >= (SELECT max(id) / 2 FROM renewals) ORDER BY id LIMIT 1",
    );
    return rows[0];
  });
  const today = new Date().toISOString().slice(0, 10);
  const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
  const paths = [
    "/",
    "/fees",
    `/fees?by=month&from=${twoYearsAgo}&to=${today}`,
    `/fees?from=${twoYearsAgo}&to=${today}`,
    `/renewals?mismatch=1`,
    "/sync",
    "/sync?status=FAILED",
    "/renewals",
    `/renewals?q=${encodeURIComponent(inputs.car_number)}`,
    `/renewals/${inputs.id}`,
    "/cards?status=expiring",
  ];
  const app = await startApp(PORT, url);
  try {
    const session = new Session(`http://127.0.0.1:${PORT}`);
    await session.signIn(process.env.ADMIN_USERNAME ?? "admin", PASSWORD);
    const pages: PageResult[] = [];
    for (const path of paths) {
      let bytes = 0;
      const get = async () => {
        const response = await session.fetch(path);
        const body = await response.text();
        if (response.status !== 200) throw new Error(`pages: ${path} answered ${response.status}`);
        bytes = body.length;
      };
      const timed = async () => {
        const started = performance.now();
        await get();
        return performance.now() - started;
      };
      const warmup: number[] = [];
      for (let i = 0; i < WARMUP_FETCHES; i++) warmup.push(await timed());
      const load = os.loadavg()[0];
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) times.push(await timed());
      times.sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      const result = {
        path,
        runs: options.runs,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        bytes,
        load1m: round((load + os.loadavg()[0]) / 2),
        firstMs: round(warmup[0]),
        warmupMaxMs: round(Math.max(...warmup.slice(1))),
      };
      options.log(`pages: ${path.padEnd(40)} p50 ${result.p50} ms, p95 ${result.p95} ms (load ${result.load1m}); first fetch ${result.firstMs} ms, slowest warm-up ${result.warmupMaxMs} ms`);
      pages.push(result);
    }
    return { renewals: options.renewals, pages };
  } finally {
    await app.stop();
  }
}
