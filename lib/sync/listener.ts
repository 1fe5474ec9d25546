// A LISTEN connection that comes back by itself: after a database restart or failover the worker
// is woken by NOTIFY again instead of falling back to polling for the rest of its life.
import pg from "pg";
import { log } from "@/lib/log";

export type Listener = { close(): Promise<void> };

const MAX_RECONNECT_DELAY_MS = 10_000;

/** Calls `onWake` for every notification on `channel`, and once after each reconnect (notices sent while away are lost). */
export function listen(options: { databaseUrl: string; channel: string; onWake: () => void; worker: string }): Listener {
  let closed = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let delayMs = 250;
  let connectedBefore = false;

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on("notification", options.onWake);
    next.on("error", (error) => {
      log.warn({ worker: options.worker, err: error.message }, "sync listener lost; polling until it reconnects");
      lost(next);
    });
    next.on("end", () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      log.warn({ worker: options.worker, err: (error as Error).message, retryInMs: delayMs }, "cannot LISTEN; polling until it can");
      lost(next);
      return;
    }
    if (closed) return void next.end().catch(() => {});
    if (connectedBefore) log.info({ worker: options.worker }, "sync listener reconnected");
    connectedBefore = true;
    client = next;
    delayMs = 250;
    options.onWake();
  };

  const lost = (which: pg.Client) => {
    if (client !== null && client !== which) return;
    client = null;
    void which.end().catch(() => {});
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delayMs);
    delayMs = Math.min(delayMs * 2, MAX_RECONNECT_DELAY_MS);
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
