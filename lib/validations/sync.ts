import { z } from "zod";

export const resendSyncsInput = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  /** Resend even syncs WeChat already confirmed; it will then hold the payment twice. */
  force: z.boolean().default(false),
});

export const resendMatchingInput = z.object({
  code: z.string().trim().max(64).optional(),
  park: z.string().trim().max(64).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const setSyncPausedInput = z.object({ paused: z.boolean() });
