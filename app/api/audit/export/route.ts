// GET /api/audit/export?<the audit page's filters> — the audit trail as filtered, streamed CSV (admins only).
import { auditExport } from "@/lib/export/audit";
import { exportRoute } from "@/lib/export/route";
import { auditParams } from "@/lib/validations/audit";

export const dynamic = "force-dynamic";

export const GET = exportRoute("ADMIN", auditParams, auditExport);
