// Operators put failed WeChat syncs back in the queue; the worker picks them up at once.
import { defineAction } from "@/lib/actions/action";
import { resendSyncsInput } from "@/lib/validations/sync";

export const resendSyncs = defineAction({
  name: "sync.resend",
  role: "OPERATOR",
  input: resendSyncsInput,
  async handler(input, { tx }) {
    // Only FAILED rows: a pending or in-flight sync must not be sent twice.
    const { count } = await tx.wechatSync.updateMany({
      where: { id: { in: input.ids }, status: "FAILED" },
      data: { status: "PENDING", nextAttemptAt: new Date(), attemptCount: 0, requestBody: null },
    });
    return { result: { queued: count }, target: input.ids.join(","), details: { queued: count } };
  },
});
