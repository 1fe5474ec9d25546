// The renewals list's count and amount, streamed in after the rows (the page wraps it in
// <Suspense>): totals that take a while, such as those of the renewals without a sync (0.6-1 s at
// 1-10 M renewals, see README Performance), never hold the list up.
import { getDb } from "@/lib/db/client";
import { formatFen } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { renewalTotals } from "@/lib/queries/renewals";
import type { RenewalsQuery } from "@/lib/validations/renewals";

const TOTALS_CLASS = "mb-2 text-sm text-slate-600";

export async function RenewalTotals({ query, t }: { query: RenewalsQuery; t: Messages["list"] }) {
  const totals = await renewalTotals(getDb(), query);
  const count = totals.count.toLocaleString("zh-CN");
  return (
    <p className={TOTALS_CLASS} data-testid="list-totals">
      {totals.capped ? t.totalsCapped.replace("{count}", count) : t.totals.replace("{count}", count).replace("{amount}", formatFen(totals.amountFen))}
    </p>
  );
}

export function RenewalTotalsPending({ t }: { t: Messages["list"] }) {
  return (
    <p className={TOTALS_CLASS} aria-busy="true" data-testid="list-totals-pending">
      {t.totalsPending}
    </p>
  );
}
