// Real HTTP and SMTP receivers on loopback standing in for WeCom, DingTalk, a generic webhook
// consumer and a mail server. Each checks what the real one would (key, signature, timestamp)
// and keeps what it accepted.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; json: Record<string, unknown> };
export type ReceivedMail = { from: string; to: string[]; raw: string; headers: Record<string, string> };

type Answer = (request: Received) => { status: number; body: unknown } | null;

export type HttpReceiver = { url: string; received: Received[]; rejected: string[]; failNext(count: number, answer: { status: number; body: unknown }): void; close(): Promise<void> };

async function httpReceiver(check: Answer): Promise<HttpReceiver> {
  const received: Received[] = [];
  const rejected: string[] = [];
  const queuedFailures: { status: number; body: unknown }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const request: Received = { path: req.url ?? "/", headers: req.headers, body, json: JSON.parse(body) };
      const answer = queuedFailures.shift() ?? check(request);
      if (answer) {
        rejected.push(JSON.stringify(answer.body));
      } else {
        received.push(request);
      }
      const { status, body: out } = answer ?? { status: 200, body: { errcode: 0, errmsg: "ok" } };
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    rejected,
    failNext: (count, answer) => queuedFailures.push(...Array.from({ length: count }, () => answer)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** WeCom: POST /cgi-bin/webhook/send?key=<key>, {"msgtype":"markdown","markdown":{"content":…}} of at most 4096 bytes. */
export async function wecomReceiver(key: string) {
  const receiver = await httpReceiver((request) => {
    const url = new URL(request.path, "http://x");
    if (url.pathname !== "/cgi-bin/webhook/send" || url.searchParams.get("key") !== key) return { status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } };
    const markdown = request.json.markdown as { content?: unknown } | undefined;
    if (request.json.msgtype !== "markdown" || typeof markdown?.content !== "string") return { status: 200, body: { errcode: 40008, errmsg: "invalid message type" } };
    if (Buffer.byteLength(markdown.content) > 4096) return { status: 200, body: { errcode: 40058, errmsg: "content exceed max length" } };
    return null;
  });
  return { ...receiver, webhook: `${receiver.url}/cgi-bin/webhook/send?key=${key}` };
}

/** DingTalk: /robot/send?access_token=…&timestamp=<ms>&sign=<base64 HMAC-SHA256(secret, ts + "\n" + secret)>, within an hour. */
export async function dingtalkReceiver(token: string, secret: string) {
  const receiver = await httpReceiver((request) => {
    const url = new URL(request.path, "http://x");
    if (url.searchParams.get("access_token") !== token) return { status: 200, body: { errcode: 300001, errmsg: "token is not exist" } };
    const timestamp = url.searchParams.get("timestamp") ?? "";
    const sign = url.searchParams.get("sign") ?? "";
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return { status: 200, body: { errcode: 310000, errmsg: "timestamp expired" } };
    if (sign !== expected) return { status: 200, body: { errcode: 310000, errmsg: "sign not match" } };
    const markdown = request.json.markdown as { title?: unknown; text?: unknown } | undefined;
    if (request.json.msgtype !== "markdown" || typeof markdown?.title !== "string" || typeof markdown?.text !== "string") {
      return { status: 200, body: { errcode: 40035, errmsg: "missing markdown" } };
    }
    return null;
  });
  return { ...receiver, webhook: `${receiver.url}/robot/send?access_token=${token}` };
}

/** A consumer of our generic webhook, verifying it as the README tells integrators to. */
export async function webhookReceiver(secret: string) {
  return httpReceiver((request) => {
    const timestamp = String(request.headers["x-alert-timestamp"] ?? "");
    const signature = String(request.headers["x-alert-signature"] ?? "");
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")}`;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return { status: 400, body: { error: "stale timestamp" } };
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return { status: 401, body: { error: "bad signature" } };
    return null;
  });
}

export async function smtpReceiver() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
        const headers = Object.fromEntries(
          head.split(/\r?\n/).map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
        );
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw, headers });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
