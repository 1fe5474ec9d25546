// GET /api/fees/export?by=&from=&to=&park= — the fee report as CSV, every row (the page shows one page of them).
import { feesExport } from "@/lib/export/fees";
import { exportRoute } from "@/lib/export/route";
import { feesParams, feesQuery } from "@/lib/validations/fees";

export const dynamic = "force-dynamic";

export const GET = exportRoute("VIEWER", feesParams, (db, query, t) => feesExport(db, feesQuery(query), t));
