// GET /api/audit/export?action=&actor= — the audit trail as filtered, streamed CSV (admins only).
import { auditExport } from "@/lib/export/audit";
import { exportRoute } from "@/lib/export/route";
import { listAuditQuery } from "@/lib/queries/audit";

export const dynamic = "force-dynamic";

export const GET = exportRoute("ADMIN", listAuditQuery, auditExport);
