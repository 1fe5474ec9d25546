"use server";
import { revalidatePath } from "next/cache";
import { resendFailureGroup } from "@/lib/actions/failures";
import { getSessionUser } from "@/lib/auth/session";

export async function resendFailureGroupAction(input: unknown) {
  const result = await resendFailureGroup(await getSessionUser(), input);
  if ("data" in result) {
    revalidatePath("/sync", "layout");
    revalidatePath("/");
  }
  return result;
}
