"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, useListTable } from "@/components/data-table/data-table";
import { ResendGroupButton } from "@/components/alerts/resend-group-button";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import type { FailureGroupRow } from "@/lib/queries/failures";
import { syncErrorText } from "@/lib/i18n/sync-error";

type T = Pick<Messages, "failures" | "table" | "list" | "sync" | "syncErrors">;
const column = createColumnHelper<FailureGroupRow>();

export function getFailureGroupColumns(t: T, canResend: boolean) {
  const f = t.failures;
  return [
    column.accessor("cause", {
      header: f.cause,
      cell: (info) => {
        const row = info.row.original;
        const kind = f.kinds[row.kind];
        return (
          <div className="max-w-xl whitespace-normal">
            <p className="font-medium text-slate-900">{kind.title}</p>
            <p className="font-mono text-xs text-slate-600">{row.cause}</p>
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer select-none text-blue-700">{f.explanation}</summary>
              <p className="mt-1 text-slate-700">{kind.explain}</p>
              <p className="mt-1 text-slate-700">
                <span className="font-medium">{f.fix}：</span>
                {kind.fix}
              </p>
              <p className="mt-1 text-slate-500">
                {f.sample}: <span className="break-all font-mono">{syncErrorText(t, row.sample)}</span>
              </p>
            </details>
          </div>
        );
      },
    }),
    column.accessor("failed", {
      header: f.count,
      meta: { cellClassName: "tabular-nums text-right" },
      cell: (info) => (
        <span>
          <span className="font-semibold text-red-700">{info.getValue()}</span>
          {info.row.original.resent ? (
            <span className="block text-xs text-slate-500">
              {f.resentCount} {info.row.original.resent}
            </span>
          ) : null}
        </span>
      ),
    }),
    column.accessor("parks", {
      header: f.parks,
      cell: (info) => (
        <span className="flex max-w-48 flex-wrap gap-1 whitespace-normal">
          {info.getValue().map((park) => (
            <Link key={park} href={`/sync?status=FAILED&park=${encodeURIComponent(park)}`} className="font-mono text-xs text-blue-700 hover:underline">
              {park}
            </Link>
          ))}
          {info.row.original.parkCount > info.getValue().length ? <span className="text-xs text-slate-500">…</span> : null}
        </span>
      ),
    }),
    column.accessor("lastSeen", {
      header: `${f.firstSeen} / ${f.lastSeen}`,
      meta: { cellClassName: "tabular-nums text-xs" },
      cell: (info) => (
        <span>
          {formatDateTime(info.row.original.firstSeen)}
          <br />
          {formatDateTime(info.getValue())}
        </span>
      ),
    }),
    column.display({
      id: "fix",
      header: f.fix,
      cell: (info) => {
        const row = info.row.original;
        return (
          <div className="flex flex-col items-start gap-1 whitespace-normal">
            {row.fixes.map((fix) => (
              <Link key={fix.href} href={fix.href} className="text-sm text-blue-700 hover:underline" data-testid="fix-link">
                {fix.park ? f.fixPark.replace("{park}", fix.park) : f.fixLink}
              </Link>
            ))}
            {canResend ? <ResendGroupButton group={row.id} failed={row.failed} t={{ ...f, working: t.sync.resending }} /> : null}
          </div>
        );
      },
    }),
  ];
}

export function FailureGroupsTable({ rows, canResend, t }: { rows: FailureGroupRow[]; canResend: boolean; t: T }) {
  const table = useListTable({ rows, columns: getFailureGroupColumns(t, canResend), getRowId: (row) => row.id });
  return <DataTable table={table} t={{ ...t, table: { ...t.table, noRows: t.failures.none } }} rowTestId={(row) => `failure-group-${row.id}`} />;
}
