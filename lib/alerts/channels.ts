// Where alerts go: channels from the environment (ALERT_*) and channels an admin stored in the
// database. Each has a stable key ("env:wecom", "db:3") that deliveries refer to.
import type { Db, Tx } from "@/lib/db/client";
import type { Env } from "@/lib/env";

export const CHANNEL_KINDS = ["wecom", "dingtalk", "webhook", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type Channel = {
  key: string;
  kind: ChannelKind;
  name: string;
  source: "env" | "db";
  /** Webhook URL, or the SMTP URL for email. Secret: never shown, only masked. */
  url: string;
  secret?: string;
  emailTo?: string[];
  emailFrom?: string;
};

type AlertEnv = Pick<Env, "ALERT_WECOM_WEBHOOK" | "ALERT_DINGTALK_WEBHOOK" | "ALERT_DINGTALK_SECRET" | "ALERT_WEBHOOK_URL" | "ALERT_WEBHOOK_SECRET" | "ALERT_SMTP_URL" | "ALERT_EMAIL_TO" | "ALERT_EMAIL_FROM">;

export function envChannels(env: AlertEnv): Channel[] {
  const channels: Channel[] = [];
  if (env.ALERT_WECOM_WEBHOOK) channels.push({ key: "env:wecom", kind: "wecom", name: "ALERT_WECOM_WEBHOOK", source: "env", url: env.ALERT_WECOM_WEBHOOK });
  if (env.ALERT_DINGTALK_WEBHOOK) {
    channels.push({ key: "env:dingtalk", kind: "dingtalk", name: "ALERT_DINGTALK_WEBHOOK", source: "env", url: env.ALERT_DINGTALK_WEBHOOK, secret: env.ALERT_DINGTALK_SECRET });
  }
  if (env.ALERT_WEBHOOK_URL) {
    channels.push({ key: "env:webhook", kind: "webhook", name: "ALERT_WEBHOOK_URL", source: "env", url: env.ALERT_WEBHOOK_URL, secret: env.ALERT_WEBHOOK_SECRET });
  }
  if (env.ALERT_SMTP_URL) {
    channels.push({ key: "env:email", kind: "email", name: "ALERT_SMTP_URL", source: "env", url: env.ALERT_SMTP_URL, emailTo: env.ALERT_EMAIL_TO, emailFrom: env.ALERT_EMAIL_FROM });
  }
  return channels;
}

export const splitEmails = (value: string | null | undefined) =>
  (value ?? "")
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Every enabled channel, secrets included: for sending only. */
export async function loadChannels(db: Db | Tx, env: AlertEnv, options: { includeDisabled?: boolean } = {}): Promise<Channel[]> {
  const rows = await db.alertChannel.findMany({
    where: options.includeDisabled ? {} : { enabled: true },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, name: true, target: true, secret: true, emailTo: true },
  });
  return [
    ...envChannels(env),
    ...rows.map((row) => ({
      key: `db:${row.id}`,
      kind: row.kind as ChannelKind,
      name: row.name,
      source: "db" as const,
      url: row.target,
      secret: row.secret ?? undefined,
      emailTo: splitEmails(row.emailTo),
    })),
  ];
}

/** What an operator may see of an address: scheme and host, never the key or password. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? "/…" : ""}`;
  } catch {
    return "…";
  }
}
