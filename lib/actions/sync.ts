"use server";
// Operators put failed WeChat syncs back in the queue; the worker picks them up at once.
import { defineAction } from "@/lib/actions/action";
import { syncsWhere } from "@/lib/queries/syncs-filter";
import { SYNC_CHANNEL } from "@/lib/sync/channel";
import { confirmUnverifiedSyncs, requeueFailedMatching, requeueSyncs } from "@/lib/sync/resend";
import { PAUSED_SETTING } from "@/lib/sync/settings";
import { confirmSyncsInput, resendMatchingInput, resendSyncsInput, setSyncPausedInput } from "@/lib/validations/sync";

export const resendSyncs = defineAction({
  name: "sync.resend",
  role: "OPERATOR",
  input: resendSyncsInput,
  revalidate: ["/sync", ["/renewals", "layout"]],
  async handler(input, { tx, user }) {
    const result = await requeueSyncs(tx, input.ids, { force: input.force, requestedBy: user.username });
    return { result, target: input.ids.join(","), details: { ...result, force: input.force } };
  },
});

export const resendFailedMatching = defineAction({
  name: "sync.resend-matching",
  role: "OPERATOR",
  input: resendMatchingInput,
  revalidate: ["/sync"],
  async handler(input, { tx, user }) {
    const queued = await requeueFailedMatching(tx, syncsWhere({ ...input, status: "FAILED" }), user.username);
    return { result: { queued }, details: { ...input, queued } };
  },
});

/** An operator who checked WeChat's side confirms accepted-but-unverified pushes as synced. */
export const confirmSyncs = defineAction({
  name: "sync.confirm",
  role: "OPERATOR",
  input: confirmSyncsInput,
  revalidate: ["/sync", ["/renewals", "layout"]],
  async handler(input, { tx, user }) {
    const confirmed = await confirmUnverifiedSyncs(tx, input.ids, user.username);
    return { result: { confirmed }, target: input.ids.join(","), details: { confirmed } };
  },
});

/** While paused, syncs are kept (and shown) but not claimed; resuming wakes the workers. */
export const setSyncPaused = defineAction({
  name: "sync.pause",
  role: "ADMIN",
  input: setSyncPausedInput,
  revalidate: [["/", "layout"]],
  async handler({ paused }, { tx }) {
    await tx.setting.upsert({ where: { key: PAUSED_SETTING }, create: { key: PAUSED_SETTING, value: paused }, update: { value: paused } });
    if (!paused) await tx.$executeRaw`SELECT pg_notify(${SYNC_CHANNEL}, 'resume')`;
    return { result: { paused }, details: { paused } };
  },
});
