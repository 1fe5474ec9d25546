// The machine a run came from and how busy it was: numbers from a shared 2-core box mean little
// without the load average next to them.
import fs from "node:fs";
import os from "node:os";

export type Machine = { cpu: string; cores: number; ramGiB: number; node: string; platform: string };

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export type LoadSummary = { start: number[]; end: number[]; max1m: number; mean1m: number };

/** Samples os.loadavg() every few seconds for the whole run. */
export function sampleLoad(everyMs = 5_000) {
  const start = os.loadavg();
  const samples: number[] = [start[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), everyMs);
  timer.unref();
  return {
    stop(): LoadSummary {
      clearInterval(timer);
      const end = os.loadavg();
      samples.push(end[0]);
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        start: start.map(round),
        end: end.map(round),
        max1m: round(Math.max(...samples)),
        mean1m: round(samples.reduce((a, b) => a + b, 0) / samples.length),
      };
    },
  };
}

/** Busy share of all cores between two readings of /proc/stat (Linux); null elsewhere. */
export function machineCpu() {
  const read = () => {
    if (!fs.existsSync("/proc/stat")) return null;
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const before = read();
  return {
    /** 0..1 of the whole machine. */
    stop(): number | null {
      const after = read();
      if (!before || !after || after.total === before.total) return null;
      return 1 - (after.idle - before.idle) / (after.total - before.total);
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Resident set size of a process in MiB, from /proc (Linux); null elsewhere. */
export function processRssMiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}
