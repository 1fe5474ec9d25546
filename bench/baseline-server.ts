// The ceiling of this stack: a bare node:http server doing the callback's work — parse, vendor
// lookup, signature check, the app's own booking statement (prepared statements named as the app
// names them) — with pg and nothing else (no Next.js, no Prisma, no logging). Started by bench/intake.ts: PORT and DATABASE_URL come from it.
import http from "node:http";
import pg from "pg";
import { REDELIVERY_SQL, bookingQuery, redeliveryParams, type BookingRow } from "../lib/bolink/booking";
import { idempotencyKey } from "../lib/bolink/idempotency";
import { vendorQuery } from "../lib/bolink/intake";
import { parseNotice, serviceIsMonthcard } from "../lib/bolink/parse-notice";
import { MAX_BODY_BYTES } from "../lib/bolink/read-body";
import { verifySignature } from "../lib/bolink/signature";

// The same pool size the app's Prisma client gets (lib/db/client.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

type Answer = { state: 0 | 1; trade_no: string; errmsg?: string };

async function handle(body: string, remoteAddr: string | null): Promise<Answer> {
  const parsed = parseNotice(body);
  if (!parsed.ok) return { state: 0, trade_no: parsed.tradeNo ?? "", errmsg: parsed.text };
  const { notice, dataText } = parsed;
  const tradeNo = notice.tradeNo ?? notice.outTradeNo ?? "";
  if (!serviceIsMonthcard(notice.serviceName)) return { state: 0, trade_no: tradeNo, errmsg: "unsupported service" };
  const vendor = await pool.query<{ enabled: boolean; signing_key: string }>(vendorQuery(notice.unionId));
  const key = vendor.rows[0];
  if (!key?.enabled || !verifySignature(dataText, notice.sign, key.signing_key)) return { state: 0, trade_no: tradeNo, errmsg: "bad sign" };
  const delivery = { notice, dataText, rawBody: body, remoteAddr, key: idempotencyKey(notice, dataText) };
  const booked = await pool.query<BookingRow>(bookingQuery(delivery));
  // A duplicate: like the app, read what was booked when the statement could not see it (conflict bookkeeping left out).
  if (booked.rows[0].id === null && booked.rows[0].booked_id === null) await pool.query(REDELIVERY_SQL, redeliveryParams(delivery));
  return { state: 1, trade_no: tradeNo };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let bytes = 0;
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on("end", () => {
    const answer =
      bytes > MAX_BODY_BYTES
        ? Promise.resolve<Answer>({ state: 0, trade_no: "", errmsg: "body too large" })
        : handle(Buffer.concat(chunks).toString("utf8"), req.socket.remoteAddress ?? null);
    answer
      .catch((): Answer => ({ state: 0, trade_no: "", errmsg: "temporarily unavailable, please retry" }))
      .then((result) => {
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(result));
      });
  });
});

server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`baseline listening on ${process.env.PORT}`));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
