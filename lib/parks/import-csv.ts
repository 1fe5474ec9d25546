// Park mapping CSV → validated rows, or every bad row with its line number. Nothing is written
// unless the whole file is good, so an operator never ends up with half a mapping.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { fieldProblem, type ImportRowProblem } from "@/lib/actions/problem";
import { parkFields } from "@/lib/validations/parks";

const HEADER = ["park_id", "name", "wx_parking_lot_id", "fee_type"];
const rowSchema = z.object({ parkId: z.string().trim().min(1, "park_id is empty").max(64), ...parkFields });

export type ParkRow = z.infer<typeof rowSchema>;
export type RowError = { line: number; message: string; problem: ImportRowProblem };

export function parseParksCsv(csv: string): { rows: ParkRow[] } | { errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { errors: [{ line, message: "not valid CSV", problem: { line, reason: "csv" } }] };
  }
  const [header, ...body] = records;
  if (!header || HEADER.some((name, i) => header[i]?.toLowerCase() !== name)) {
    return { errors: [{ line: 1, message: `the first row must be: ${HEADER.join(",")}`, problem: { line: 1, reason: "header" } }] };
  }
  const rows: ParkRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  body.forEach((record, index) => {
    const line = index + 2;
    const parsed = rowSchema.safeParse({ parkId: record[0] ?? "", name: record[1], wxParkingLotId: record[2], feeTypeOverride: record[3] });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ line, message: `${issue.path.join(".")}: ${issue.message}`, problem: { line, reason: "invalid", ...fieldProblem(issue) } });
    } else if (seen.has(parsed.data.parkId)) {
      errors.push({ line, message: `park_id ${parsed.data.parkId} appears twice`, problem: { line, reason: "duplicate", parkId: parsed.data.parkId } });
    } else {
      seen.add(parsed.data.parkId);
      rows.push(parsed.data);
    }
  });
  return errors.length ? { errors } : { rows };
}
