import Link from "next/link";
import { FailureGroupsTable } from "@/components/alerts/failure-groups-table";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { listFailureGroups } from "@/lib/queries/failures";
import { firstValues } from "@/lib/validations/search-params";
import { failureGroupId } from "@/lib/validations/alerts";

export default async function FailuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("VIEWER");
  const group = failureGroupId.optional().catch(undefined).parse(firstValues(await searchParams).group);
  const [t, groups] = await Promise.all([getMessages(), listFailureGroups(getDb())]);
  // A link from an alert names one group; once it closed, every open one is shown instead.
  const rows = group && groups.some((row) => row.id === group) ? groups.filter((row) => row.id === group) : groups;
  return (
    <>
      <PageHeader title={t.failures.title} description={t.failures.description}>
        <Link href="/sync?status=FAILED" className="text-sm text-blue-700 hover:underline">
          {t.pages.sync.title}
        </Link>
      </PageHeader>
      {rows.length < groups.length ? (
        <p className="mb-2 text-sm">
          <Link href="/sync/failures" className="text-blue-700 hover:underline">
            {t.failures.allGroups} ({groups.length})
          </Link>
        </p>
      ) : null}
      <FailureGroupsTable rows={rows} canResend={hasRole(user.role, "OPERATOR")} t={pickMessages(t, "failures", "table", "list", "sync", "syncErrors")} />
    </>
  );
}
