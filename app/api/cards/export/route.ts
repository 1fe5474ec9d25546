// GET /api/cards/export?status=expiring&park=&q= — month cards as filtered (e.g. expiring soon), streamed CSV.
import { cardsExport } from "@/lib/export/cards";
import { exportRoute } from "@/lib/export/route";
import { cardsParams } from "@/lib/validations/cards";

export const dynamic = "force-dynamic";

export const GET = exportRoute("VIEWER", cardsParams, cardsExport);
