// The one way every export writes CSV: cells Excel and WPS open as the operator expects, streamed.
import { stringify } from "csv-stringify/sync";

/**
 * How a column's values are written:
 * - `text`: kept as text. Values Excel would turn into a number or date (a 28-digit trade_no shown
 *   as 4.2E+27 and cut to 15 digits, a card id losing its leading zeros, "1-2" becoming a date) are
 *   written as the formula ="…", which Excel and WPS evaluate to exactly that text on open.
 * - `number` / `date`: our own figures (counts, yuan with two decimals) and "2026-11-22 18:04:05"
 *   times, left for Excel to read as numbers and dates it can sum and sort.
 */
export type CsvKind = "text" | "number" | "date";
export type CsvColumn<Row> = { header: string; kind?: CsvKind; value: (row: Row) => string | number | null | undefined };

// Digits with the separators Excel's number/date/time parsing accepts; such text is wrapped.
const LOOKS_NUMERIC = /^[0-9][0-9.,:/ eE+-]*$/;
// OWASP CSV injection: a cell starting with one of these is a formula (or DDE) in Excel/WPS/Calc.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text: formula-looking text neutralised with a leading ', number-looking text kept as text. */
export function csvCell(value: string | number | null | undefined, kind: CsvKind = "text"): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (kind !== "text") return text;
  if (FORMULA_START.test(text)) return `'${text}`;
  // The charset above has no quote, so the value cannot close the string and add a formula of its own.
  if (LOOKS_NUMERIC.test(text)) return `="${text}"`;
  return text;
}

export function csvLines<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return stringify(rows.map((row) => columns.map((column) => csvCell(column.value(row), column.kind))));
}

export function csvHeader<Row>(columns: CsvColumn<Row>[]): string {
  return stringify([columns.map((column) => csvCell(column.header))]);
}

/** BOM (so Excel reads UTF-8 Chinese), the header row, then each batch as it arrives. */
export async function* csvChunks<Row>(columns: CsvColumn<Row>[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield "\uFEFF";
  yield csvHeader(columns);
  for await (const batch of batches) if (batch.length) yield csvLines(columns, batch);
}

/** "renewals_2026-11-01_2026-11-30_park-21845.csv": the export's name and the filters that shaped it. */
export function csvFilename(name: string, parts: (string | false | null | undefined)[]): string {
  const clean = parts.filter((part): part is string => !!part).map((part) => part.replace(/[\\/:*?"<>|\s\x00-\x1f]+/g, "-"));
  return `${[name, ...clean].join("_").slice(0, 180)}.csv`;
}

/** RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name as filename* (RFC 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A streamed download: rows are read in batches while the operator's browser saves the file. */
export function csvResponse<Row>(filename: string, columns: CsvColumn<Row>[], batches: AsyncIterable<Row[]>): Response {
  const chunks = csvChunks(columns, batches);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(filename),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
