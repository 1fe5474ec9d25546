// An alert as one channel-neutral message (title, lines, link), rendered once when it is queued
// and stored with the delivery, so every retry sends the same words. Operators read Chinese.
import type { Condition } from "@/lib/alerts/conditions";
import type { RuleId } from "@/lib/alerts/rules";
import { fill as fillTemplate } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

export type AlertEvent = "fired" | "update" | "resolved" | "test";

export type AlertMessage = {
  event: AlertEvent;
  rule: RuleId | "test";
  /** The incident's key, for receivers that thread or de-duplicate. */
  key: string;
  title: string;
  lines: string[];
  link: string;
  at: string;
};

const text = zhCN.alerts.msg;

/** The catalogue's fill over a rule's details, whose values may be missing. */
const fill = (template: string, values: Record<string, unknown>) =>
  fillTemplate(template, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value === null || value === undefined ? "—" : String(value)])));

const time = (iso: unknown) => (typeof iso === "string" ? formatDateTime(new Date(iso)) : "—");

/** Where in the console the operator acts on it. */
export function linkFor(condition: Pick<Condition, "rule" | "details">, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  switch (condition.rule) {
    case "sync_failed":
      return `${base}/sync/failures?group=${condition.details.group}`;
    case "sync_retrying":
      return `${base}/sync?status=RETRYING`;
    case "queue_lag":
    case "sync_paused":
      return `${base}/sync`;
    case "signature_spike":
      return `${base}/rejected`;
    case "no_notice":
      return `${base}/renewals`;
    case "conflicts":
      return `${base}/renewals?conflict=1`;
    case "key_expiry":
      return `${base}/alerts#wechat-keys`;
  }
}

function describe(condition: Pick<Condition, "rule" | "details">): { title: string; lines: string[] } {
  const d = condition.details;
  switch (condition.rule) {
    case "sync_failed": {
      const kinds = zhCN.failures.kinds as Record<string, { title: string; fix: string }>;
      const kind = kinds[String(d.kind)] ?? kinds.other;
      const parks = Array.isArray(d.parks) ? d.parks.join("、") + (Number(d.parkCount) > d.parks.length ? " …" : "") : "—";
      return {
        title: fill(text.sync_failed.title, { cause: kind.title }),
        lines: [
          String(d.cause),
          fill(text.sync_failed.count, { ...d, parks }),
          fill(text.sync_failed.seen, { first: time(d.firstSeen), last: time(d.lastSeen) }),
          kind.fix,
        ],
      };
    }
    case "sync_retrying":
      return { title: fill(text.sync_retrying.title, d), lines: [fill(text.sync_retrying.line, { oldest: time(d.oldest) })] };
    case "queue_lag":
      return { title: fill(text.queue_lag.title, d), lines: [fill(text.queue_lag.line, d)] };
    case "sync_paused":
      return { title: fill(text.sync_paused.title, d), lines: [fill(text.sync_paused.line, { since: time(d.since) })] };
    case "signature_spike":
      return { title: fill(text.signature_spike.title, d), lines: [fill(text.signature_spike.line, d)] };
    case "no_notice":
      return { title: fill(text.no_notice.title, d), lines: [fill(text.no_notice.line, { last: time(d.last) })] };
    case "conflicts":
      return { title: fill(text.conflicts.title, d), lines: [fill(text.conflicts.line, d)] };
    case "key_expiry":
      return { title: fill(text.key_expiry.title, d), lines: [fill(text.key_expiry.line, { ...d, expiresAt: time(d.expiresAt) })] };
  }
}

export function composeMessage(event: Exclude<AlertEvent, "test">, condition: Pick<Condition, "key" | "rule" | "details">, baseUrl: string, now: Date): AlertMessage {
  const { title, lines } = describe(condition);
  return {
    event,
    rule: condition.rule,
    key: condition.key,
    // The channel's label (【告警】 / 【已恢复】) says which; the title stays that of the alert.
    title,
    lines: event === "resolved" && condition.rule === "sync_failed" ? [text.sync_failed.resolved, lines[0], lines[1]] : lines,
    link: linkFor(condition, baseUrl),
    at: now.toISOString(),
  };
}

export function testMessage(channelName: string, baseUrl: string, now: Date): AlertMessage {
  return {
    event: "test",
    rule: "test",
    key: "test",
    title: fill(text.testTitle, { channel: channelName }),
    lines: [text.testLine],
    link: `${baseUrl.replace(/\/+$/, "")}/alerts`,
    at: now.toISOString(),
  };
}
