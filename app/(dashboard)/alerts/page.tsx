import Link from "next/link";
import { AddChannelForm } from "@/components/alerts/add-channel-form";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { DeliveriesTable } from "@/components/alerts/deliveries-table";
import { RulesForm } from "@/components/alerts/rules-form";
import { Card, PageHeader } from "@/components/ui/card";
import { composeMessage } from "@/lib/alerts/message";
import type { RuleId } from "@/lib/alerts/rules";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { alertsOverview, listAlertChannels, listDeliveries } from "@/lib/queries/alerts";
import { firstValues } from "@/lib/validations/search-params";
import { listDeliveriesQuery } from "@/lib/validations/alerts";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("ADMIN");
  const query = listDeliveriesQuery.parse(firstValues(await searchParams));
  const db = getDb();
  const [t, channels, overview, deliveries] = await Promise.all([getMessages(), listAlertChannels(db), alertsOverview(db), listDeliveries(db, query)]);
  const tables = pickMessages(t, "alerts", "table", "list");
  const p = t.alerts.page;
  const channelNames = Object.fromEntries(channels.map((channel) => [channel.key, `${p.kinds[channel.kind]} · ${channel.name}`]));
  return (
    <>
      <PageHeader title={t.alerts.title} description={t.alerts.description} />

      <Card className="mb-4 p-4" aria-labelledby="incidents-title">
        <h2 id="incidents-title" className="mb-2 text-sm font-semibold">
          {p.incidents}
        </h2>
        {overview.incidents.length ? (
          <ul className="space-y-1 text-sm" data-testid="open-incidents">
            {overview.incidents.map((incident) => {
              // Rendered like the message people received, so the page and the chat say the same.
              const message = composeMessage("fired", { key: incident.key, rule: incident.rule as RuleId, details: incident.details as never }, "", new Date());
              return (
                <li key={incident.id} className="flex flex-wrap items-baseline gap-x-2">
                  <Link href={message.link || "/"} className="font-medium text-red-700 hover:underline">
                    {message.title}
                  </Link>
                  <span className="text-xs text-slate-500">
                    {p.openedAt} {formatDateTime(incident.openedAt)}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{p.noIncidents}</p>
        )}
      </Card>

      <section className="mb-4" aria-labelledby="channels-title">
        <h2 id="channels-title" className="mb-1 text-sm font-semibold">
          {p.channels}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{p.channelsHelp}</p>
        <ChannelsTable rows={channels} t={tables} />
        <Card className="mt-2 p-4">
          <AddChannelForm t={p} />
        </Card>
      </section>

      <Card className="mb-4 p-4" aria-labelledby="rules-title">
        <h2 id="rules-title" className="text-sm font-semibold">
          {p.rules}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{p.rulesHelp}</p>
        <RulesForm rules={overview.rules} t={t.alerts} />
      </Card>

      <Card className="mb-4 p-4" id="wechat-keys" aria-labelledby="keys-title">
        <h2 id="keys-title" className="mb-1 text-sm font-semibold">
          {p.wechatKeys}
        </h2>
        {overview.keys.length ? (
          <ul className="text-sm">
            {overview.keys.map((key) => (
              <li key={key.serial}>{p.keyExpires.replace("{name}", key.name).replace("{serial}", key.serial).replace("{expiresAt}", formatDateTime(key.expiresAt))}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{p.noKeyExpiry}</p>
        )}
      </Card>

      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title" className="mb-2 text-sm font-semibold">
          {p.deliveries}
        </h2>
        <DeliveriesTable rows={deliveries.rows} channelNames={channelNames} t={tables} />
        {deliveries.next ? (
          <p className="mt-2 text-right text-sm">
            <Link href={`?after=${deliveries.next}`} className="text-blue-700 hover:underline">
              {t.table.next}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
