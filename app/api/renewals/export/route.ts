// GET /api/renewals/export?<the renewals page's filters> — every matching renewal as a streamed CSV.
import { renewalsExport } from "@/lib/export/renewals";
import { exportRoute } from "@/lib/export/route";
import { renewalsParams } from "@/lib/validations/renewals";

export const dynamic = "force-dynamic";

export const GET = exportRoute("VIEWER", renewalsParams, renewalsExport);
