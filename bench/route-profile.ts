// npm run bench:route-profile -- [ours|empty|ceiling] [--connections 50] [--seconds 15]
// One callback route of the production app alone under load, with a V8 CPU profile of the app
// process, and where that CPU goes per answer: Node's HTTP and web APIs, Next.js, native code,
// garbage collection, the app's bundle, libraries. `empty` (app/api/bench/empty-route: reads the
// body, answers) is what Next's route layer costs before any of our code; `ceiling` is the bare
// baseline's own handler behind a route handler; `ours` is /api/callbacks/bolink. The profiler
// slows the process down, so compare the rows with each other, not with `npm run bench`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBenchCluster, freshDatabase } from "./database";
import { runLoad } from "./load";
import { processCpuMs } from "./machine";
import { freePort, startApp, type AppServer } from "./servers";

const ROUTES = { ours: "/api/callbacks/bolink", empty: "/api/bench/empty-route", ceiling: "/api/bench/baseline-route" } as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { connections: { type: "string", default: "50" }, seconds: { type: "string", default: "15" } },
});
const route = (positionals[0] ?? "empty") as keyof typeof ROUTES;
if (!Object.hasOwn(ROUTES, route)) {
  console.error(`bench:route-profile: the route is one of ${Object.keys(ROUTES).join(", ")}, not "${route}"`);
  process.exit(2);
}
const connections = Number(values.connections);
const seconds = Number(values.seconds);

const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "route-profile-"));
process.env.BENCH_PROFILE_DIR = profileDir; // read by startApp: node --cpu-prof for the app process
const cluster = await startBenchCluster();
let app: AppServer | undefined;
let summary: string[];
try {
  app = await startApp(await freePort(), await freshDatabase(cluster, "bench_route_profile"));
  const url = `${app.origin}${ROUTES[route]}`;
  await runLoad({ url, connections: 10, seconds: 3, run: `${Date.now().toString(36)}w` }); // V8 warm-up, not counted
  const cpuBefore = processCpuMs(app.pid);
  const result = await runLoad({ url, connections, seconds, run: `${Date.now().toString(36)}m` });
  const cpuMs = (processCpuMs(app.pid) ?? 0) - (cpuBefore ?? 0);
  const loadEnded = performance.now();
  await app.stop(); // the profile is written as the process exits
  const stopMs = performance.now() - loadEnded;
  const profile = mainThreadProfile(path.join(profileDir, "app"), app.pid);
  summary = [
    `${route} (${ROUTES[route]}), ${connections} connections, ${result.seconds} s: ${result.answers} answers, ${result.acceptedPerSec} accepted/s, ` +
      `${(cpuMs / Math.max(1, result.answers)).toFixed(2)} ms of app CPU per answer (under the profiler)`,
    ...breakdown(profile, { fromEndUs: (stopMs + result.seconds * 1000) * 1000, toEndUs: stopMs * 1000, answers: result.answers }),
    `profile: ${profile.file} (open it in Chrome DevTools)`,
  ];
} finally {
  await app?.stop(); // already stopped unless something above failed
  await cluster.stop();
}
console.log(summary.join("\n"));

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string } }[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Node writes one profile per thread; the main thread's is the one named <pid>.0.* (tsx's loader thread is .1.). */
function mainThreadProfile(dir: string, pid: number): CpuProfile & { file: string } {
  const name = fs.readdirSync(dir).find((file) => file.includes(`.${pid}.0.`));
  if (!name) throw new Error(`no CPU profile of process ${pid} in ${dir}`);
  const file = path.join(dir, name);
  return { ...(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile), file };
}

/** Where a sample's function lives, coarsely: what a reader can act on. */
function categoryOf(frame: { functionName: string; url: string }): string {
  const { functionName, url } = frame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)" || !url) return "native (V8, libuv, syscalls)";
  if (url.startsWith("node:")) return "Node.js HTTP and web APIs (node:*)";
  if (url.includes("/node_modules/next/")) return "Next.js server";
  const pkg = url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (pkg) return `library: ${pkg[1]}`;
  if (url.includes("/.next/server/")) return "the app's bundle (.next/server: route modules, our code)";
  return url;
}

/** Busy time per answer by category, for the samples taken while the load ran (timed back from the profile's end). */
function breakdown(profile: CpuProfile, window: { fromEndUs: number; toEndUs: number; answers: number }): string[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const from = profile.endTime - window.fromEndUs;
  const to = profile.endTime - window.toEndUs;
  const byCategory = new Map<string, number>();
  let at = profile.startTime;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    const frame = frames.get(id)!;
    if (at < from || at > to || frame.functionName === "(idle)") return;
    const category = categoryOf(frame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + profile.timeDeltas[i]);
    busy += profile.timeDeltas[i];
  });
  const perAnswer = (us: number) => `${Math.round(us / Math.max(1, window.answers))} µs`;
  return [
    `busy ${perAnswer(busy)} per answer in the profile, by where the code lives:`,
    ...[...byCategory]
      .sort((a, b) => b[1] - a[1])
      .filter(([, us]) => us / busy >= 0.005)
      .map(([category, us]) => `  ${perAnswer(us).padStart(8)}  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${category}`),
  ];
}
