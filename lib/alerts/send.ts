// Sends one stored alert message to one channel, in that channel's format. Throws DeliveryError
// (text safe to show in the delivery log) when the receiver did not take it.
import nodemailer from "nodemailer";
import type { Channel } from "@/lib/alerts/channels";
import type { AlertMessage } from "@/lib/alerts/message";
import { dingtalkSignedUrl, WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, webhookSignature } from "@/lib/alerts/signing";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

export class DeliveryError extends Error {}

const TIMEOUT_MS = 10_000;
/** WeCom refuses markdown content over 4096 bytes. */
export const WECOM_MAX_BYTES = 4096;

const label = (message: AlertMessage) => zhCN.alerts.msg[message.event];

/** WeCom group robot markdown: its three font colours, a quote block, a link. */
export function wecomMarkdown(message: AlertMessage): string {
  const color = message.event === "resolved" || message.event === "test" ? "info" : "warning";
  const head = `### <font color="${color}">【${label(message)}】</font>${message.title}`;
  const link = `[${zhCN.alerts.msg.open}](${message.link})`;
  const lines = message.lines.map((line) => `> ${line}`);
  let content = [head, ...lines, link].join("\n");
  while (Buffer.byteLength(content) > WECOM_MAX_BYTES && lines.length) {
    lines.pop();
    content = [head, ...lines, "> …", link].join("\n");
  }
  return content;
}

export function dingtalkMarkdown(message: AlertMessage): { title: string; text: string } {
  const title = `【${label(message)}】${message.title}`;
  return { title: title.slice(0, 64), text: [`### ${title}`, ...message.lines.map((line) => `> ${line}`), `[${zhCN.alerts.msg.open}](${message.link})`].join("\n\n") };
}

export function webhookBody(message: AlertMessage, deliveryId: number): string {
  return JSON.stringify({ id: deliveryId, ...message, text: [message.title, ...message.lines].join("\n") });
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function emailContent(message: AlertMessage) {
  const subject = `【${label(message)}】${message.title}`;
  return {
    subject,
    text: [message.title, "", ...message.lines, "", `${zhCN.alerts.msg.open}: ${message.link}`].join("\n"),
    html:
      `<h3>${escapeHtml(subject)}</h3>` +
      message.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
      `<p><a href="${escapeHtml(message.link)}">${escapeHtml(zhCN.alerts.msg.open)}</a></p>`,
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(`${(error as Error).name === "TimeoutError" ? "timeout" : "network error"}${cause ? ` (${cause})` : ""}`);
  }
  const text = (await response.text()).slice(0, 2000);
  if (!response.ok) throw new DeliveryError(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  return { status: response.status, text };
}

/** WeCom and DingTalk answer HTTP 200 with {"errcode":0,…}; anything else is a refusal. */
function expectErrcodeZero(text: string) {
  let parsed: { errcode?: unknown; errmsg?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DeliveryError(`unexpected answer: ${text.slice(0, 200)}`);
  }
  if (parsed.errcode !== 0) throw new DeliveryError(`errcode ${String(parsed.errcode)}: ${String(parsed.errmsg ?? "").slice(0, 200)}`);
}

export async function sendAlert(channel: Channel, message: AlertMessage, deliveryId: number, now = Date.now()): Promise<void> {
  switch (channel.kind) {
    case "wecom": {
      const { text } = await post(channel.url, JSON.stringify({ msgtype: "markdown", markdown: { content: wecomMarkdown(message) } }));
      return expectErrcodeZero(text);
    }
    case "dingtalk": {
      const { text } = await post(dingtalkSignedUrl(channel.url, channel.secret, now), JSON.stringify({ msgtype: "markdown", markdown: dingtalkMarkdown(message) }));
      return expectErrcodeZero(text);
    }
    case "webhook": {
      if (!channel.secret) throw new DeliveryError("no signing secret configured");
      const body = webhookBody(message, deliveryId);
      const timestamp = Math.floor(now / 1000);
      await post(channel.url, body, {
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(channel.secret, timestamp, body),
        [WEBHOOK_ID_HEADER]: String(deliveryId),
      });
      return;
    }
    case "email": {
      if (!channel.emailTo?.length) throw new DeliveryError("no recipients configured");
      const transport = nodemailer.createTransport(channel.url, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
      try {
        const from = channel.emailFrom ?? (transport.options as { auth?: { user?: string } }).auth?.user ?? "alerts@localhost";
        await transport.sendMail({
          from,
          to: channel.emailTo,
          ...emailContent(message),
          // For mail filters and threading: which alert, which event.
          headers: { "X-Alert-Key": message.key, "X-Alert-Event": message.event },
        });
      } catch (error) {
        const smtp = error as { responseCode?: number; code?: string; response?: string };
        throw new DeliveryError(`SMTP ${smtp.responseCode ?? smtp.code ?? "error"}${smtp.response ? `: ${smtp.response.slice(0, 200)}` : ""}`);
      } finally {
        transport.close();
      }
      return;
    }
  }
}
