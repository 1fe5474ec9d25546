import "server-only";
import type { Db } from "@/lib/db/client";
import { envChannels, maskUrl, type ChannelKind } from "@/lib/alerts/channels";
import { configuredKeyExpiries } from "@/lib/alerts/key-expiry";
import type { AlertMessage } from "@/lib/alerts/message";
import { loadAlertRules } from "@/lib/alerts/rules";
import { env } from "@/lib/env";
import type { ListDeliveriesQuery } from "@/lib/validations/alerts";

export const DELIVERY_PAGE_SIZE = 50;

export type ChannelRow = { key: string; id: number | null; kind: ChannelKind; name: string; source: "env" | "db"; target: string; hasSecret: boolean; emailTo: string | null; enabled: boolean };

/** Every channel as an admin may see it: addresses masked, secrets only as "set". */
export async function listAlertChannels(db: Db): Promise<ChannelRow[]> {
  const stored = await db.alertChannel.findMany({
    orderBy: { id: "asc" },
    select: { id: true, kind: true, name: true, target: true, secret: true, emailTo: true, enabled: true },
  });
  return [
    ...envChannels(env()).map((channel) => ({
      key: channel.key,
      id: null,
      kind: channel.kind,
      name: channel.name,
      source: "env" as const,
      target: maskUrl(channel.url),
      hasSecret: !!channel.secret,
      emailTo: channel.emailTo?.join(", ") ?? null,
      enabled: true,
    })),
    ...stored.map((row) => ({
      key: `db:${row.id}`,
      id: row.id,
      kind: row.kind as ChannelKind,
      name: row.name,
      source: "db" as const,
      target: maskUrl(row.target),
      hasSecret: !!row.secret,
      emailTo: row.emailTo,
      enabled: row.enabled,
    })),
  ];
}

export async function alertsOverview(db: Db) {
  const [rules, incidents] = await Promise.all([
    loadAlertRules(db),
    db.alertIncident.findMany({ where: { resolvedAt: null }, orderBy: { openedAt: "desc" }, take: 50, select: { id: true, key: true, rule: true, openedAt: true, details: true } }),
  ]);
  return { rules, incidents, keys: configuredKeyExpiries() };
}

/** The delivery log, newest first, keyset on id. */
export async function listDeliveries(db: Db, query: ListDeliveriesQuery) {
  const rows = await db.alertDelivery.findMany({
    where: query.after ? { id: { lt: query.after } } : {},
    orderBy: { id: "desc" },
    take: DELIVERY_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, channel: true, event: true, status: true, attempts: true, lastError: true, sentAt: true, message: true },
  });
  const page = rows.slice(0, DELIVERY_PAGE_SIZE).map(({ message, ...row }) => ({ ...row, title: (message as unknown as AlertMessage).title }));
  return { rows: page, next: rows.length > DELIVERY_PAGE_SIZE ? page[page.length - 1].id : null };
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>["rows"][number];
