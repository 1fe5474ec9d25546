import { z } from "zod";
import { CHANNEL_KINDS } from "@/lib/alerts/channels";
import { alertRulesSchema } from "@/lib/alerts/rules";

export const ALERT_ERRORS = {
  invalidUrl: "invalid webhook url",
  invalidSmtp: "invalid smtp url",
  emailToRequired: "email recipients required",
  secretRequired: "webhook secret required",
  notFound: "channel not found",
} as const;

const emails = z
  .string()
  .trim()
  .max(1000)
  .transform((value) => value.split(/[,;\s]+/).filter(Boolean))
  .pipe(z.array(z.email()).max(20));

export const createAlertChannelInput = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    name: z.string().trim().min(1).max(100),
    url: z.string().trim().min(1).max(2000),
    secret: z.string().trim().max(500).optional(),
    emailTo: emails.optional(),
  })
  .superRefine((input, ctx) => {
    const isEmail = input.kind === "email";
    if (isEmail ? !/^smtps?:\/\/\S+$/.test(input.url) : !/^https?:\/\/\S+$/.test(input.url)) {
      ctx.addIssue({ code: "custom", path: ["url"], message: isEmail ? ALERT_ERRORS.invalidSmtp : ALERT_ERRORS.invalidUrl });
    }
    if (isEmail && !input.emailTo?.length) ctx.addIssue({ code: "custom", path: ["emailTo"], message: ALERT_ERRORS.emailToRequired });
    if (input.kind === "webhook" && (input.secret ?? "").length < 16) ctx.addIssue({ code: "custom", path: ["secret"], message: ALERT_ERRORS.secretRequired });
  });

export const alertChannelKey = z.string().regex(/^(env:(wecom|dingtalk|webhook|email)|db:\d{1,9})$/);

export const deleteAlertChannelInput = z.object({ id: z.number().int().positive() });
export const sendTestAlertInput = z.object({ channel: alertChannelKey });
export const saveAlertRulesInput = alertRulesSchema;

export const listDeliveriesQuery = z.object({
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

export const failureGroupId = z.string().regex(/^[0-9a-f]{16}$/, "not a failure group id");
export const resendFailureGroupInput = z.object({ group: failureGroupId });
