import { ImportParksForm } from "@/components/parks/import-parks-form";
import { ParkRowForm } from "@/components/parks/park-row-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { firstValues } from "@/lib/validations/search-params";

export default async function ParksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("VIEWER");
  const q = (firstValues(await searchParams).q ?? "").trim().slice(0, 64);
  const [t, parks] = await Promise.all([
    getMessages(),
    getDb().park.findMany({
      where: q ? { parkId: { contains: q } } : {},
      orderBy: { parkId: "asc" },
      take: 1000,
      select: { parkId: true, name: true, wxParkingLotId: true, feeTypeOverride: true },
    }),
  ]);
  const admin = hasRole(user.role, "ADMIN");
  const p = t.parks;
  return (
    <div className="space-y-4">
      <PageHeader title={t.pages.parks.title} description={t.pages.parks.description} />
      {admin ? (
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold">{p.importTitle}</h2>
          <ImportParksForm t={p} />
        </Card>
      ) : null}
      <form method="get" className="flex gap-2">
        <input name="q" defaultValue={q} aria-label={p.search} placeholder={p.search} className="h-9 w-56 rounded-md border border-slate-300 px-2 text-sm" />
      </form>
      {parks.length === 0 ? (
        <EmptyState title={t.common.empty} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">{p.parkId}</th>
                <th scope="col" className="px-2 py-2 font-medium">{p.name}</th>
                <th scope="col" className="px-2 py-2 font-medium">{p.wxParkingLotId}</th>
                <th scope="col" className="px-2 py-2 font-medium">{p.feeType}</th>
                {admin ? <th scope="col" className="px-2 py-2"><span className="sr-only">{p.save}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {parks.map((park) =>
                admin ? (
                  <ParkRowForm key={park.parkId} park={park} t={p} />
                ) : (
                  <tr key={park.parkId} className="border-b border-slate-100 last:border-0">
                    <td className="px-2 py-1.5 font-mono text-xs">{park.parkId}</td>
                    <td className="px-2 py-1.5">{park.name ?? "—"}</td>
                    <td className="px-2 py-1.5">{park.wxParkingLotId ?? p.unmapped}</td>
                    <td className="px-2 py-1.5">{park.feeTypeOverride ? p.feeTypes[park.feeTypeOverride] : p.feeTypeAuto}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
