// GET /api/syncs/export?<the WeChat sync page's filters> — every matching sync as a streamed CSV.
import { exportRoute } from "@/lib/export/route";
import { syncsExport } from "@/lib/export/syncs";
import { syncsParams } from "@/lib/validations/syncs";

export const dynamic = "force-dynamic";

export const GET = exportRoute("VIEWER", syncsParams, syncsExport);
