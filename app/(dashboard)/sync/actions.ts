"use server";
// The dashboard's entry to sync mutations: the session comes from the request, never the client.
import { revalidatePath } from "next/cache";
import { confirmSyncs, resendFailedMatching, resendSyncs, setSyncPaused } from "@/lib/actions/sync";
import { getSessionUser } from "@/lib/auth/session";

export async function resendSyncsAction(input: { ids: number[]; force?: boolean }) {
  const result = await resendSyncs(await getSessionUser(), input);
  if ("data" in result) {
    revalidatePath("/sync");
    revalidatePath("/renewals", "layout");
  }
  return result;
}

export async function confirmSyncsAction(input: { ids: number[] }) {
  const result = await confirmSyncs(await getSessionUser(), input);
  if ("data" in result) {
    revalidatePath("/sync");
    revalidatePath("/renewals", "layout");
  }
  return result;
}

export async function resendFailedMatchingAction(input: { code?: string; park?: string; from?: string; to?: string }) {
  const result = await resendFailedMatching(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/sync");
  return result;
}

export async function setSyncPausedAction(input: { paused: boolean }) {
  const result = await setSyncPaused(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/", "layout");
  return result;
}
