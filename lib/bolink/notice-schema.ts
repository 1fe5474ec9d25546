// The month-card renewal notice, validated field by field as the spec's table describes.
//
// Decisions where the vendor page is loose (more in ./DECISIONS.md):
// - Numbers may arrive as JSON numbers or numeric strings (the vendor's own example mixes them).
// - null is treated as absent for optional fields.
// - "B-req" fields apply unless the envelope says type = 1 (third party). state, trade_no,
//   out_trade_no and pay_time identify the payment and are always required then; arrive_money,
//   fee, account_type and remark only feed the income booking, so they are required only when
//   state = 1 — a failed payment lacking them is still stored for operators, not rejected.
//   A third-party notice without state is a success notice.
// - Strings are kept exactly as sent, but NUL and lone surrogates are refused (PostgreSQL
//   cannot store them).
import { z } from "zod";
import { yuanToFen } from "@/lib/bolink/money";

const absentIfNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

const text = (max: number) =>
  z
    .string()
    .max(max, `longer than ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "contains a NUL character")
    .refine((value) => value.isWellFormed(), "contains an invalid Unicode character");

const id = (max = 64) =>
  z.union([text(max).min(1, "empty"), z.number().int().nonnegative().transform(String)]);

const integer = z.union([
  z.number().int("must be an integer"),
  z.string().regex(/^-?\d{1,15}$/, "must be an integer").transform(Number),
]);
const oneOf = (...allowed: number[]) =>
  integer.refine((value) => allowed.includes(value), `must be one of ${allowed.join(", ")}`);

// Passed through as parsed: z.record would rebuild the object and drop a "__proto__" key.
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "must be an object",
);

const fen = z.unknown().transform((value, ctx) => {
  const result = yuanToFen(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  }
  return result.fen;
});

// 2000-01-01 .. 2100-01-01: anything outside is a unit mix-up (milliseconds) or garbage.
const unixSeconds = integer
  .refine((value) => value >= 946_684_800 && value < 4_102_444_800, "not a plausible unix time in seconds")
  .transform((value) => new Date(value * 1000));

const day = z.string().refine((value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, "must be a real date YYYY-MM-DD");

const dataFields = {
  state: absentIfNull(oneOf(0, 1)),
  amount: fen,
  park_id: id(),
  service_name: absentIfNull(text(64)),
  car_number: absentIfNull(text(32)),
  license_color: absentIfNull(oneOf(0, 1, 2, 3, 4, 5, 6, 7)),
  attach: absentIfNull(z.union([text(4096), jsonObject])),
  trade_no: absentIfNull(id()),
  card_id: absentIfNull(id()),
  out_trade_no: absentIfNull(id()),
  pay_time: absentIfNull(unixSeconds),
  arrive_money: absentIfNull(fen),
  fee: absentIfNull(fen),
  account_type: absentIfNull(oneOf(0, 1)),
  remark: absentIfNull(text(500)),
  pay_company: absentIfNull(oneOf(0, 1)),
  pay_account: absentIfNull(oneOf(0, 1)),
  start_time: absentIfNull(day),
  end_time: absentIfNull(day),
};

const KNOWN_FIELDS = new Set(Object.keys(dataFields));
const BOLINK_PAYMENT_IDS = ["state", "trade_no", "out_trade_no", "pay_time"] as const;
const BOLINK_BOOKING_FIELDS = ["arrive_money", "fee", "account_type", "remark"] as const;

export const dataSchema = z.looseObject(dataFields);

export const envelopeSchema = z.object({
  union_id: z.union([
    z.number().int().nonnegative().transform(String),
    // "0100000" is the same account as 100000: one spelling, so key lookups and idempotency agree.
    z.string().regex(/^\d{1,18}$/, "must be numeric").transform((value) => value.replace(/^0+(?=\d)/, "")),
  ]),
  sign: z.string(),
  // Only 1 (third party) is documented; other sources may appear, anything fitting an int column.
  type: absentIfNull(integer.refine((value) => value >= 0 && value <= 2_147_483_647, "out of range")),
  data: jsonObject,
});

export type BolinkNotice = {
  unionId: string;
  sourceType: number | null;
  sign: string;
  serviceName: string | null;
  tradeNo: string | null;
  outTradeNo: string | null;
  parkId: string;
  cardId: string | null;
  carNumber: string | null;
  licenseColor: number | null;
  payState: 0 | 1;
  amountFen: number;
  arriveMoneyFen: number | null;
  feeFen: number | null;
  accountType: number | null;
  payCompany: number | null;
  payAccount: number | null;
  payTime: Date | null;
  startDate: string | null;
  endDate: string | null;
  remark: string | null;
  attach: string | Record<string, unknown> | null;
  /** Data fields the spec does not name, kept as sent. */
  extra: Record<string, unknown>;
};

type Envelope = z.infer<typeof envelopeSchema>;
type Data = z.infer<typeof dataSchema>;

/** Cross-field rules the per-field schemas cannot express; returns the first problem. */
export function checkRules(envelope: Envelope, data: Data): { field: string; message: string } | null {
  if (envelope.type !== 1) {
    const required = data.state === 1 ? [...BOLINK_PAYMENT_IDS, ...BOLINK_BOOKING_FIELDS] : BOLINK_PAYMENT_IDS;
    for (const field of required) {
      if (data[field] === undefined) return { field, message: "required for a Bolink month-card renewal" };
    }
  }
  if (data.start_time && data.end_time && data.end_time < data.start_time) {
    return { field: "end_time", message: "before start_time" };
  }
  return null;
}

/** Data fields the spec does not name, from the parsed JSON (as with attach, zod would drop "__proto__"). */
export function extraFields(rawData: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rawData).filter(([key]) => !KNOWN_FIELDS.has(key)));
}

export function toNotice(envelope: Envelope, data: Data, extra: Record<string, unknown>): BolinkNotice {
  return {
    unionId: envelope.union_id,
    sourceType: envelope.type ?? null,
    sign: envelope.sign,
    serviceName: data.service_name ?? null,
    tradeNo: data.trade_no ?? null,
    outTradeNo: data.out_trade_no ?? null,
    parkId: data.park_id,
    cardId: data.card_id ?? null,
    carNumber: data.car_number ?? null,
    licenseColor: data.license_color ?? null,
    payState: data.state === 0 ? 0 : 1,
    amountFen: data.amount,
    arriveMoneyFen: data.arrive_money ?? null,
    feeFen: data.fee ?? null,
    accountType: data.account_type ?? null,
    payCompany: data.pay_company ?? null,
    payAccount: data.pay_account ?? null,
    payTime: data.pay_time ?? null,
    startDate: data.start_time ?? null,
    endDate: data.end_time ?? null,
    remark: data.remark ?? null,
    attach: data.attach ?? null,
    extra,
  };
}
