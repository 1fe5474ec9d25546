import { z } from "zod";

export const resendSyncsInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });
