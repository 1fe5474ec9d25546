// Hostile input at the real callback route handler on a real database (fast-check): whatever
// arrives, the answer is JSON state 0 with a reason, or state 1 with one whole booking.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { REJECTED_BODY_CHARS } from "@/lib/bolink/rejections";
import { signData } from "@/lib/bolink/signature";
import type { Db } from "@/lib/db/client";
import { createTestDatabase } from "./helpers/database";
import { UKEY, UNION_ID, expectOutcome, ledger, postCallback, signedNotice, validData } from "./helpers/callback-ledger";

let db: Db;
let serial = 0;
const nextTradeNo = () => `H${++serial}-${Date.now()}`;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await db.vendorAccount.create({ data: { unionId: UNION_ID, name: "Bolink test", signingKey: UKEY } });
});

/** Posts one body and checks the answer against the row counts before and after. */
async function attack(body: BodyInit) {
  const before = await ledger(db);
  const answer = await postCallback(body);
  expectOutcome(answer, before, await ledger(db));
  return answer;
}

const DATA_FIELDS = Object.keys(validData("x"));
const PAYLOADS = [
  "'; DROP TABLE renewals; --",
  "' OR '1'='1",
  "1); TRUNCATE fee_entries CASCADE; --",
  "$$; DELETE FROM users; $$",
  "\\'; SELECT pg_sleep(10); --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(document.cookie)>',
  "</pre><script>fetch('/api/me')</script>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "${process.env.AUTH_SECRET}",
  "__proto__",
  "\u202egnp.exe",
  "月卡😀\u200b",
];

/** Cut to at most `max` UTF-16 units (what the schema counts) without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  let out = "";
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

const hostileText = (max: number) =>
  fc
    .tuple(fc.constantFrom(...PAYLOADS), fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...PAYLOADS))
    .map(([a, b, c]) => clip(`${a}${b}${c}`.replaceAll("\u0000", "").replace(/[\ud800-\udfff]/g, ""), max))
    .filter((text) => text.length > 0 && text.isWellFormed());

/** Key order and spacing are jsonb's; the values must be the sender's, unchanged. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

describe("hostile callbacks (properties)", () => {
  it("arbitrary bytes and arbitrary JSON are answered state 0 and book nothing", async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.string({ unit: "binary", maxLength: 2048 }),
      fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? "null"),
      fc.record({ union_id: fc.jsonValue(), sign: fc.jsonValue(), data: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        expect((await attack(raw as BodyInit)).state).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it("invalid UTF-8 anywhere in a correctly signed notice is refused as such", async () => {
    const invalid = fc.constantFrom([0xff], [0xc0, 0xaf], [0x80], [0xe6, 0x9c], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]);
    await fc.assert(
      fc.asyncProperty(invalid, fc.double({ min: 0, max: 1, noNaN: true }), async (bad, where) => {
        const bytes = Buffer.from(signedNotice(validData(nextTradeNo())));
        const at = Math.floor(where * bytes.length);
        const answer = await attack(Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]));
        expect(answer).toMatchObject({ state: 0, errmsg: "body is not valid UTF-8" });
      }),
      { numRuns: 60 },
    );
  });

  it("a wrong-typed value in any field of a signed notice is refused or booked whole", async () => {
    const wrong = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(null, true, "", [], {}, -1, 1.5, 1e21, -0, "NaN", "1e3", "12.345", " 1", "0x10", 99_999_999_999, "２０"),
    );
    const envelopeFields = ["union_id", "sign", "type"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DATA_FIELDS, ...envelopeFields, "data"), wrong, async (field, value) => {
        const data = validData(nextTradeNo());
        let body: string;
        if (field === "data") body = signedNotice({}, { data: value });
        else if (envelopeFields.includes(field)) body = signedNotice(data, { [field]: value });
        else body = signedNotice({ ...data, [field]: value });
        const answer = await attack(body);
        // Reasons name the field, never repeat what was sent in it.
        if (answer.state === 0 && typeof value === "string" && value.length >= 8) expect(answer.errmsg).not.toContain(value);
        if (answer.state === 1) {
          // A fixed value (" 1") drawn twice for trade_no is a re-delivery with other content: kept as a conflict.
          const stored = (await db.renewal.count({ where: { rawBody: body } })) + (await db.renewalConflict.count({ where: { rawBody: body } }));
          expect(stored, "state 1 names a stored renewal or a kept re-delivery").toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("deeply nested values (up to 20,000 levels) anywhere are answered without a crash", async () => {
    const nested = (depth: number, kind: "object" | "array") =>
      kind === "object" ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom("object", "array") as fc.Arbitrary<"object" | "array">,
        fc.constantFrom("attach", "unknown field", "data", "envelope", "sign", "body"),
        async (depth, kind, where) => {
          const deep = nested(depth, kind);
          const tradeNo = nextTradeNo();
          const dataText = JSON.stringify(validData(tradeNo)).slice(0, -1);
          const bodies = {
            attach: () => signWithRaw(`${dataText},"attach":${deep}}`),
            "unknown field": () => signWithRaw(`${dataText},"x":${deep}}`),
            data: () => signWithRaw(deep),
            envelope: () => signWithRaw(`${dataText}}`).replace(/^\{/, `{"deep":${deep},`),
            sign: () => signWithRaw(`${dataText}}`).replace(/"sign":"[0-9A-F]+"/, `"sign":${deep}`),
            body: () => deep,
          };
          const answer = await attack(bodies[where]());
          // Deeper than 32 levels never reaches jsonb; a deep key outside data is not part of the notice.
          if (depth > 32 && ["attach", "unknown field", "data"].includes(where)) expect(answer.state).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("huge strings in any field are refused or booked whole, never truncated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DATA_FIELDS, "x_unknown"),
        fc.integer({ min: 1, max: 70_000 }),
        fc.constantFrom("a", "月", "😀", "<", "'"),
        async (field, length, char) => {
          const data = { ...validData(nextTradeNo()), [field]: char.repeat(length) };
          const body = signedNotice(data);
          const answer = await attack(body);
          if (Buffer.byteLength(body) > 64 * 1024) expect(answer).toMatchObject({ state: 0, errmsg: "body too large" });
          // Six in a row never occur in a reason by chance; one "a" does ("…data.state: wrong type…").
          if (answer.state === 0 && length >= 6) expect(answer.errmsg).not.toContain(char.repeat(6));
          if (answer.state === 1) {
            const stored = await db.renewal.findFirst({ where: { rawBody: body }, select: { dataText: true } });
            if (stored) expect(stored.dataText).toBe(JSON.stringify(data));
            // The same short trade_no drawn twice is a re-delivery with other content: kept as a conflict.
            else expect(await db.renewalConflict.count({ where: { rawBody: body, dataText: JSON.stringify(data) } })).toBe(1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("SQL, HTML and script text in every field of a signed notice is booked once, stored exactly as sent", async () => {
    const notice = fc.record({
      trade_no: hostileText(50),
      out_trade_no: hostileText(64),
      park_id: hostileText(64),
      card_id: hostileText(64),
      car_number: hostileText(32),
      remark: hostileText(500),
      attach: fc.oneof(hostileText(4096), fc.dictionary(hostileText(40), hostileText(200), { maxKeys: 4 })),
      unknownKey: hostileText(40),
      unknownValue: hostileText(300),
    });
    await fc.assert(
      fc.asyncProperty(notice, async ({ unknownKey, unknownValue, ...fields }) => {
        const tradeNo = `${++serial}:${fields.trade_no}`;
        const data = { ...validData(tradeNo), ...fields, trade_no: tradeNo, [`x-${unknownKey}`]: unknownValue };
        const body = signedNotice(data);
        expect(await attack(body)).toEqual({ state: 1, trade_no: tradeNo });
        const renewal = await db.renewal.findUniqueOrThrow({ where: { idempotencyKey: `t:${UNION_ID}:${tradeNo}` } });
        expect(renewal).toMatchObject({
          tradeNo,
          outTradeNo: fields.out_trade_no,
          parkId: fields.park_id,
          cardId: fields.card_id,
          carNumber: fields.car_number,
          remark: fields.remark,
          rawBody: body,
          dataText: JSON.stringify(data),
        });
        expect(canonical(renewal.attach)).toBe(canonical(fields.attach));
        expect(canonical(renewal.extra)).toBe(canonical({ [`x-${unknownKey}`]: unknownValue }));
        expect(await db.park.count({ where: { parkId: fields.park_id } })).toBe(1);
        // Re-delivered: still one booking.
        expect(await attack(body)).toEqual({ state: 1, trade_no: tradeNo });
      }),
      { numRuns: 40 },
    );
    // The statements in the payloads ran nowhere: every table is still there and still filled.
    expect(await db.user.count()).toBe(0);
    expect(await db.renewal.count()).toBeGreaterThanOrEqual(40);
  });
});

it("a rejected body whose 8 KiB cut splits an emoji is logged with its own reason (it used to throw)", async () => {
  const tradeNo = nextTradeNo();
  const withPad = (pad: string) => signedNotice({ ...validData(tradeNo), remark: `${pad}${"😀".repeat(5000)}` });
  const splits = (text: string) => /[\ud800-\udbff]/.test(text[REJECTED_BODY_CHARS - 1]);
  const body = [withPad(""), withPad("a")].find(splits)!;
  expect(await attack(body)).toMatchObject({ state: 0, errmsg: "invalid field data.remark: longer than 500 characters" });
  const kept = await db.rejectedCallback.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(kept.body.isWellFormed()).toBe(true);
  expect(body.startsWith(kept.body.slice(0, -1))).toBe(true);
});

describe("10 MB bodies", () => {
  const TEN_MB = 10 * 1024 * 1024;
  const streamed = (bytes: Uint8Array) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 256 * 1024) controller.enqueue(bytes.subarray(at, at + 256 * 1024));
        controller.close();
      },
    });

  it.each([
    ["a run of one byte", () => Buffer.alloc(TEN_MB, "a")],
    ["random bytes", () => randomBytes(TEN_MB)],
    ["a signed notice with a 10 MB remark", () => signedNotice({ ...validData(nextTradeNo()), remark: "<script>".repeat(TEN_MB / 8) })],
    ["10 MB of nesting", () => "[".repeat(TEN_MB)],
  ] as const)("%s is refused as too large, streamed or whole", async (_name, make) => {
    const body = Buffer.from(make());
    expect(body.length).toBeGreaterThanOrEqual(TEN_MB);
    for (const sent of [body, streamed(body)]) {
      const answer = await attack(sent as BodyInit);
      expect(answer).toMatchObject({ state: 0, errmsg: "body too large" });
    }
    const kept = await db.rejectedCallback.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(kept.body.length).toBeLessThanOrEqual(8 * 1024);
  });
});

/** Signs `dataText` exactly as given (it may not be what JSON.stringify would write). */
function signWithRaw(dataText: string): string {
  return `{"union_id":${UNION_ID},"sign":"${signData(dataText, UKEY)}","data":${dataText}}`;
}
