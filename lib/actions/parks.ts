"use server";
// Admins map Bolink parks to WeChat parking lots. A changed mapping applies to syncs mapped from
// now on (a resend re-maps); bodies already sent are never rewritten.
import { ActionError, defineAction } from "@/lib/actions/action";
import { parseParksCsv } from "@/lib/parks/import-csv";
import { importParksInput, updateParkInput } from "@/lib/validations/parks";

export const updatePark = defineAction({
  name: "park.update",
  role: "ADMIN",
  input: updateParkInput,
  revalidate: ["/parks"],
  async handler({ parkId, ...fields }, { tx }) {
    await tx.park.upsert({ where: { parkId }, create: { parkId, ...fields }, update: fields });
    return { result: null, target: parkId, details: fields };
  },
});

export const importParks = defineAction({
  name: "park.import",
  role: "ADMIN",
  input: importParksInput,
  revalidate: ["/parks"],
  async handler({ csv }, { tx }) {
    const parsed = parseParksCsv(csv);
    if ("errors" in parsed) {
      const shown = parsed.errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
      throw new ActionError(`nothing imported; ${parsed.errors.length} bad row(s): ${shown.join("; ")}`, {
        kind: "import",
        total: parsed.errors.length,
        rows: parsed.errors.map((e) => e.problem),
      });
    }
    for (const { parkId, ...fields } of parsed.rows) {
      await tx.park.upsert({ where: { parkId }, create: { parkId, ...fields }, update: fields });
    }
    return { result: { imported: parsed.rows.length }, details: { imported: parsed.rows.length } };
  },
});
