// One HTTP exchange with WeChat Pay over node:http(s) with keep-alive agents: a fresh TLS
// handshake per push would cost more CPU than the push itself. `fetch` stays available as an
// adapter (tests hand in fake servers that way).
import http from "node:http";
import https from "node:https";

export type Answer = { status: number; headers: { get(name: string): string | null }; body: Buffer };

/**
 * Rejects with a TimeoutError (no answer in time) or a network error carrying `code`; an error
 * after the status line arrived also carries `answered` (that status): the host did answer.
 */
export type Transport = (url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<Answer>;

export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** Sockets are reused across pushes; at most `maxSockets` calls in flight per host. */
export function httpTransport(options: { maxSockets?: number } = {}): Transport {
  // Idle sockets are dropped after 4 s, before a server's usual 5 s keep-alive timeout closes them
  // under a request we just sent (that race would show up as a spurious reset).
  const agentOptions = { keepAlive: true, timeout: 4_000, maxSockets: options.maxSockets ?? 64, maxFreeSockets: options.maxSockets ?? 64 };
  const agents = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };
  return (url, init) =>
    new Promise<Answer>((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol === "https:" ? https : http;
      const request = protocol.request(
        target,
        {
          method: "POST",
          agent: agents[target.protocol as "http:" | "https:"],
          headers: { ...init.headers, "Content-Length": String(Buffer.byteLength(init.body)) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          const cutOff = (error?: Error) => fail(Object.assign(error ?? new Error("connection closed"), { code: "ECONNRESET", answered: response.statusCode }));
          response.on("error", cutOff);
          response.on("aborted", () => cutOff());
          response.on("end", () => {
            clearTimeout(timer);
            if (!response.complete) return cutOff();
            const headers = response.headers;
            resolve({
              status: response.statusCode ?? 0,
              headers: {
                get(name) {
                  const value = headers[name.toLowerCase()];
                  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
                },
              },
              body: Buffer.concat(chunks),
            });
          });
        },
      );
      function fail(error: Error) {
        clearTimeout(timer);
        request.destroy();
        reject(error);
      }
      const timer = setTimeout(() => fail(new TimeoutError(`no answer within ${init.timeoutMs} ms`)), init.timeoutMs);
      request.on("error", fail);
      request.end(init.body);
    });
}

/** The same contract over a fetch implementation. */
export function fetchTransport(doFetch: typeof fetch): Transport {
  return async (url, init) => {
    const response = await doFetch(url, { method: "POST", body: init.body, headers: init.headers, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs) });
    try {
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    } catch (error) {
      throw Object.assign(error as Error, { answered: response.status });
    }
  };
}
