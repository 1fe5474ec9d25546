"use server";
// "Resend this group": every failed sync of one cause back in the queue, after the fix.
import { defineAction } from "@/lib/actions/action";
import { failedSyncIdsInGroup } from "@/lib/sync/failure-groups";
import { requeueSyncs } from "@/lib/sync/resend";
import { resendFailureGroupInput } from "@/lib/validations/alerts";

export const resendFailureGroup = defineAction({
  name: "sync.resend-group",
  role: "OPERATOR",
  input: resendFailureGroupInput,
  revalidate: [["/sync", "layout"], "/"],
  async handler({ group }, { tx }) {
    const ids = await failedSyncIdsInGroup(tx, group);
    const { queued } = ids.length ? await requeueSyncs(tx, ids) : { queued: 0 };
    return { result: { queued }, target: group, details: { queued } };
  },
});
