// GET /api/fees/export?by=&from=&to=&park= — the fees summary as CSV.
import { feesExport } from "@/lib/export/fees";
import { exportRoute } from "@/lib/export/route";
import { feesQuery } from "@/lib/validations/fees";

export const dynamic = "force-dynamic";

export const GET = exportRoute("VIEWER", feesQuery, feesExport);
