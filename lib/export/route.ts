import "server-only";
import { NextResponse } from "next/server";
import type { Role } from "@/lib/generated/prisma";
import { getDb, type Db } from "@/lib/db/client";
import { requireApiUser } from "@/lib/http/json";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { getMessages } from "@/lib/i18n/server";
import { csvResponse, type CsvColumn } from "@/lib/export/csv";
import type { RawParams } from "@/lib/list/params";

/** A list kit definition (lib/list/params.ts): its parse names what it dropped. */
type ListParams<Q> = { keys: string[]; parse: (raw: RawParams) => { query: Q; invalid: string[]; unknown: string[] } };

function parseListExport<Q>(params: ListParams<Q>, searchParams: URLSearchParams) {
  const raw: RawParams = {};
  for (const [key, value] of searchParams) if (!(key in raw)) raw[key] = value;
  const { query, invalid, unknown } = params.parse(raw);
  return invalid.length || unknown.length ? ({ ok: false, invalid, unknown } as const) : ({ ok: true, query } as const);
}

type Export<Row> = { filename: string; columns: CsvColumn<Row>[]; batches: AsyncIterable<Row[]> };

/**
 * A CSV export's GET handler: the role, then the list's own URL schema checked strictly — a bad
 * parameter answers 400 JSON saying which, before any download header is sent — then the stream.
 */
export function exportRoute<Q, Row>(role: Role, schema: ListParams<Q>, build: (db: Db, query: Q, t: Messages) => Export<Row>) {
  return async function GET(request: Request): Promise<Response> {
    const user = await requireApiUser(role);
    if (user instanceof NextResponse) return user;
    const t = await getMessages();
    const searchParams = new URL(request.url).searchParams;
    const params = parseListExport(schema, searchParams);
    if (!params.ok) {
      const error = [
        params.invalid.length ? fill(t.exports.invalid, { names: params.invalid.join(", ") }) : null,
        params.unknown.length ? fill(t.exports.unknown, { names: params.unknown.join(", ") }) : null,
      ]
        .filter(Boolean)
        .join("; ");
      return NextResponse.json({ error, invalid: params.invalid, unknown: params.unknown }, { status: 400, headers: { "cache-control": "no-store" } });
    }
    const { filename, columns, batches } = build(getDb(), params.query, t);
    return csvResponse(filename, columns, batches);
  };
}
