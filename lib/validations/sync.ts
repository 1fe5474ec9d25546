import { z } from "zod";

export const resendSyncsInput = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  /** Resend even syncs WeChat already confirmed; it will then hold the payment twice. */
  force: z.boolean().default(false),
});

export const confirmSyncsInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });

export const resendMatchingInput = z.object({
  code: z.string().trim().max(64).optional(),
  park: z.string().trim().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The sync list's search (plate, card, trade_no, out_trade_no). */
  q: z.string().trim().min(1).max(64).optional(),
});

export const setSyncPausedInput = z.object({ paused: z.boolean() });
