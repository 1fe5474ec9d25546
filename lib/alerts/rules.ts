// The alert rules and their thresholds: on by default, editable by an admin (stored in the
// settings table under ALERT_RULES_SETTING), read by the evaluator on every pass.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";

export const ALERT_RULES_SETTING = "alerts.rules";

export const RULE_IDS = [
  "sync_failed",
  "sync_retrying",
  "queue_lag",
  "sync_paused",
  "signature_spike",
  "no_notice",
  "conflicts",
  "key_expiry",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const rule = (threshold: number, max: number) =>
  z.object({ enabled: z.boolean().default(true), threshold: z.number().int().min(1).max(max).default(threshold) }).default({ enabled: true, threshold });

/**
 * Defaults, with the unit of each threshold (see README "Alerts" for why these values):
 * sync_failed — minutes between "still failing, N more" updates of one cause;
 * sync_retrying, queue_lag, sync_paused — minutes; signature_spike — bad signatures per vendor
 * per hour; no_notice — hours without a notice inside business hours; conflicts — look-back
 * hours; key_expiry — days before a WeChat key or certificate expires.
 */
export const alertRulesSchema = z.object({
  sync_failed: rule(60, 24 * 60),
  sync_retrying: rule(30, 24 * 60),
  queue_lag: rule(10, 24 * 60),
  sync_paused: rule(30, 7 * 24 * 60),
  signature_spike: rule(10, 100_000),
  no_notice: rule(3, 72),
  conflicts: rule(24, 24 * 30),
  key_expiry: rule(30, 365),
  /** Business hours in China time for no_notice: [from, to) in whole hours. */
  businessHours: z
    .object({ from: z.number().int().min(0).max(23).default(8), to: z.number().int().min(1).max(24).default(22) })
    .refine((hours) => hours.from < hours.to, "from must be before to")
    .default({ from: 8, to: 22 }),
});
export type AlertRules = z.infer<typeof alertRulesSchema>;

export const DEFAULT_RULES: AlertRules = alertRulesSchema.parse({});

/** The stored rules over the defaults; a setting that no longer parses falls back to them. */
export async function loadAlertRules(db: Db | Tx): Promise<AlertRules> {
  const row = await db.setting.findUnique({ where: { key: ALERT_RULES_SETTING } });
  const parsed = alertRulesSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_RULES;
}
