"use server";
// Admins configure alert channels and rules and try a channel with a test message.
import { ActionError, defineAction } from "@/lib/actions/action";
import { loadChannels } from "@/lib/alerts/channels";
import { testMessage } from "@/lib/alerts/message";
import { ALERT_RULES_SETTING } from "@/lib/alerts/rules";
import { alertBaseUrl } from "@/lib/alerts/runtime";
import { DeliveryError, sendAlert } from "@/lib/alerts/send";
import { env } from "@/lib/env";
import { ALERT_ERRORS, createAlertChannelInput, deleteAlertChannelInput, saveAlertRulesInput, sendTestAlertInput } from "@/lib/validations/alerts";

export const createAlertChannel = defineAction({
  name: "alerts.channel.create",
  role: "ADMIN",
  input: createAlertChannelInput,
  revalidate: ["/alerts"],
  async handler(input, { tx }) {
    const channel = await tx.alertChannel.create({
      select: { id: true, kind: true, name: true },
      data: { kind: input.kind, name: input.name, target: input.url, secret: input.secret || null, emailTo: input.emailTo?.join(", ") ?? null },
    });
    // The audit keeps what was configured, never the address (WeCom's carries its key) or the secret.
    return { result: channel, target: `db:${channel.id}`, details: { kind: channel.kind, name: channel.name } };
  },
});

export const deleteAlertChannel = defineAction({
  name: "alerts.channel.delete",
  role: "ADMIN",
  input: deleteAlertChannelInput,
  revalidate: ["/alerts"],
  async handler({ id }, { tx }) {
    const { count } = await tx.alertChannel.deleteMany({ where: { id } });
    if (!count) throw new ActionError(ALERT_ERRORS.notFound);
    return { result: { id }, target: `db:${id}` };
  },
});

export const saveAlertRules = defineAction({
  name: "alerts.rules.save",
  role: "ADMIN",
  input: saveAlertRulesInput,
  revalidate: ["/alerts"],
  async handler(rules, { tx }) {
    await tx.setting.upsert({ where: { key: ALERT_RULES_SETTING }, create: { key: ALERT_RULES_SETTING, value: rules }, update: { value: rules } });
    return { result: rules, details: rules };
  },
});

/** Sends at once (not through the queue) so the admin sees the receiver's answer; logged like any delivery. */
export const sendTestAlert = defineAction({
  name: "alerts.channel.test",
  role: "ADMIN",
  input: sendTestAlertInput,
  revalidate: ["/alerts"],
  async handler({ channel: key }, { tx }) {
    const channel = (await loadChannels(tx, env(), { includeDisabled: true })).find((candidate) => candidate.key === key);
    if (!channel) throw new ActionError(ALERT_ERRORS.notFound);
    const message = testMessage(channel.name, alertBaseUrl(env()), new Date());
    const delivery = await tx.alertDelivery.create({ data: { channel: key, event: "test", message, attempts: 1 } });
    let error: string | null = null;
    try {
      await sendAlert(channel, message, delivery.id);
    } catch (caught) {
      if (!(caught instanceof DeliveryError)) throw caught;
      error = caught.message;
    }
    await tx.alertDelivery.update({
      where: { id: delivery.id },
      data: error ? { status: "FAILED", lastError: error } : { status: "SENT", sentAt: new Date() },
    });
    return { result: { sent: !error, error }, target: key, details: { sent: !error, error } };
  },
});
