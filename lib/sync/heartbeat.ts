// Each running worker's last loop tick. On globalThis because the worker is started by
// scripts/start.ts while /api/health and /api/metrics are read through Next's separate bundle.
export type WorkerBeat = { id: string; lastTickAt: number; inFlight: number };

const holder = globalThis as unknown as { [key: symbol]: Map<string, WorkerBeat> | undefined };
const KEY = Symbol.for("parking-sync-console.worker-beats");

function beats(): Map<string, WorkerBeat> {
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function recordTick(id: string, inFlight: number, at = Date.now()) {
  beats().set(id, { id, lastTickAt: at, inFlight });
}

export function forgetWorker(id: string) {
  beats().delete(id);
}

export function workerBeats(): WorkerBeat[] {
  return [...beats().values()];
}

/** The loop ticks at least every poll interval (2 s); this much silence means it is stuck. */
export const STALLED_AFTER_MS = 30_000;

export type WorkerHealth =
  | { status: "off" }
  | { status: "not running" }
  | { status: "ok" | "stalled"; lastTickSecondsAgo: number; inFlight: number };

export function workerHealth(workerSetting: "on" | "off", now = Date.now()): WorkerHealth {
  const latest = workerBeats().sort((a, b) => b.lastTickAt - a.lastTickAt)[0];
  if (!latest) return workerSetting === "off" ? { status: "off" } : { status: "not running" };
  const ago = now - latest.lastTickAt;
  return {
    status: ago > STALLED_AFTER_MS ? "stalled" : "ok",
    lastTickSecondsAgo: Math.round(ago / 100) / 10,
    inFlight: latest.inFlight,
  };
}
