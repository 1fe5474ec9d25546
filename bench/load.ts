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
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || options.seconds;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    connections: options.connections,
    seconds: round(seconds),
    answers: latencies.length,
    accepted: acceptedTradeNos.length,
    acceptedPerSec: Math.round(acceptedTradeNos.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + rejected,
    acceptedTradeNos,
  };
}
