// The ceiling of this stack: a bare node:http server doing the callback's work — parse, vendor
// lookup, signature check, the app's own booking statement (prepared statements named as the app
// names them) — with pg and nothing else (no Next.js, no Prisma, no logging). Started by bench/intake.ts: PORT and DATABASE_URL come from it.
import http from "node:http";
import pg from "pg";
import { handleBaseline, type BaselineAnswer as Answer } from "./baseline-handler";
import { MAX_BODY_BYTES } from "../lib/bolink/read-body";

// The same pool size the app's Prisma client gets (lib/db/client.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const handle = (body: string, remoteAddr: string | null) => handleBaseline(pool, body, remoteAddr);

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
