"use server";
// The dashboard's entry to alert settings. No answer ever carries a channel's address or secret.
import { revalidatePath } from "next/cache";
import { createAlertChannel, deleteAlertChannel, saveAlertRules, sendTestAlert } from "@/lib/actions/alerts";
import { getSessionUser } from "@/lib/auth/session";

export async function createAlertChannelAction(input: unknown) {
  const result = await createAlertChannel(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/alerts");
  return result;
}

export async function deleteAlertChannelAction(input: unknown) {
  const result = await deleteAlertChannel(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/alerts");
  return result;
}

export async function saveAlertRulesAction(input: unknown) {
  const result = await saveAlertRules(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/alerts");
  return result;
}

export async function sendTestAlertAction(input: unknown) {
  const result = await sendTestAlert(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/alerts");
  return result;
}
