// One fault scenario's world: its own PostgreSQL, the WeChat stand-in, and the app instances it
// starts (one shared AUTH_SECRET, as every instance of a deployment has), all torn down together.
import { freeLoopbackPort } from "@/lib/db/embedded";
import { newAuthSecret, startApp, type AppProcess } from "./app";
import { startFaultPostgres, type FaultPostgres } from "./postgres";
import { startWechatStandIn, type WechatStandIn } from "./wechat";

export type Scenario = {
  database: FaultPostgres;
  wechat: WechatStandIn;
  /** Starts an instance (on `port`, e.g. to restart one where it was); `stop()` kills it too. */
  startApp(name: string, options?: { env?: Record<string, string>; port?: number }): Promise<AppProcess>;
  stop(): Promise<void>;
};

export async function startScenario(): Promise<Scenario> {
  const [database, wechat] = await Promise.all([startFaultPostgres(), startWechatStandIn()]);
  const authSecret = newAuthSecret();
  const apps: AppProcess[] = [];
  return {
    database,
    wechat,
    async startApp(name, options = {}) {
      const port = options.port ?? (await freeLoopbackPort());
      const app = await startApp({ name, port, database: { url: database.url, authSecret }, env: { ...wechat.env, ...options.env } });
      apps.push(app);
      return app;
    },
    async stop() {
      await Promise.all(apps.map((app) => app.kill("SIGKILL")));
      await wechat.close();
      await database.stop();
    },
  };
}
