import { z } from "zod";

export const resendSyncsInput = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  /** Resend even syncs WeChat already confirmed; it will then hold the payment twice. */
  force: z.boolean().default(false),
});
