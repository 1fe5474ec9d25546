"use server";
// The signed-in user's own account: a new password (their other sessions end, this one is
// re-issued and stays) and "sign out everywhere".
import { revalidatePath } from "next/cache";
import { changeOwnPassword, signOutEverywhere } from "@/lib/actions/users";
import { getSessionUser } from "@/lib/auth/session";
import { reissueSessionCookie } from "@/lib/auth/session-cookie";

export async function changeOwnPasswordAction(input: unknown) {
  const result = await changeOwnPassword(await getSessionUser(), input);
  if ("error" in result) return result;
  await reissueSessionCookie(result.data.sessionVersion);
  revalidatePath("/account");
  return { data: null };
}

export async function signOutEverywhereAction(input: unknown) {
  const result = await signOutEverywhere(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/account");
  return result;
}
