// Operators put failed WeChat syncs back in the queue; the worker picks them up at once.
import { defineAction } from "@/lib/actions/action";
import { requeueSyncs } from "@/lib/sync/resend";
import { resendSyncsInput } from "@/lib/validations/sync";

export const resendSyncs = defineAction({
  name: "sync.resend",
  role: "OPERATOR",
  input: resendSyncsInput,
  async handler(input, { tx }) {
    const result = await requeueSyncs(tx, input.ids, { force: input.force });
    return { result, target: input.ids.join(","), details: { ...result, force: input.force } };
  },
});
