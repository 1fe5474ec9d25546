// One fixed-time load run with autocannon: every request a fresh signed notice (or the same
// notice `copies` times in a row, which concurrent connections then send at once). Answers are
// counted by the state in their body; latencies are kept whole for exact percentiles.
import autocannon from "autocannon";
import { percentile } from "./machine";
import { signedNotice } from "./notices";

export type LoadResult = {
  connections: number;
  seconds: number;
  answers: number;
  accepted: number;
  acceptedPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx and state-0 answers. */
  errors: number;
  /** trade_no of every state-1 answer (with repeats in the duplicate storm). */
  acceptedTradeNos: string[];
  /** Every answer's latency in ms, sorted: runs are merged by their answers, not their percentiles. */
  latencies: number[];
};

export async function runLoad(options: { url: string; connections: number; seconds: number; run: string; copies?: number }): Promise<LoadResult> {
  const copies = options.copies ?? 1;
  let sent = 0;
  let current = signedNotice(options.run, 0);
  const acceptedTradeNos: string[] = [];
  let rejected = 0;
  const latencies: number[] = [];

  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest(request) {
          if (sent % copies === 0) current = signedNotice(options.run, sent / copies);
          sent++;
          return { ...request, body: current.body };
        },
        onResponse(status, body) {
          try {
            const answer = JSON.parse(body) as { state?: number; trade_no?: string };
            if (status === 200 && answer.state === 1 && answer.trade_no) acceptedTradeNos.push(answer.trade_no);
            else rejected++;
          } catch {
            rejected++;
          }
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  return summarise(options.connections, result.duration || options.seconds, latencies, acceptedTradeNos, result.errors + result.timeouts + rejected);
}

/** Several runs of one server at one concurrency as one (the bench splits each into rounds). */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const errors = runs.reduce((sum, run) => sum + run.errors, 0);
  return summarise(runs[0].connections, seconds, runs.flatMap((run) => run.latencies), runs.flatMap((run) => run.acceptedTradeNos), errors);
}

function summarise(connections: number, seconds: number, latencies: number[], acceptedTradeNos: string[], errors: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    connections,
    seconds: round(seconds),
    answers: latencies.length,
    accepted: acceptedTradeNos.length,
    acceptedPerSec: Math.round(acceptedTradeNos.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors,
    acceptedTradeNos,
    latencies,
  };
}
