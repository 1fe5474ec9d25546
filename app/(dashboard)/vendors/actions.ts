"use server";
// The dashboard's entry to vendor mutations. None of them ever answers with a key.
import { localized } from "@/lib/actions/localized";
import { revalidatePath } from "next/cache";
import { createVendor, replaceVendorKey, updateVendor } from "@/lib/actions/vendors";
import { getSessionUser } from "@/lib/auth/session";

export async function createVendorAction(input: unknown) {
  const result = await createVendor(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/vendors");
  return localized(result);
}

export async function updateVendorAction(input: unknown) {
  const result = await updateVendor(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/vendors");
  return localized(result);
}

export async function replaceVendorKeyAction(input: unknown) {
  const result = await replaceVendorKey(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/vendors");
  return localized(result);
}
