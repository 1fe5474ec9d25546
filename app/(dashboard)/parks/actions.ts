"use server";
import { localized } from "@/lib/actions/localized";
import { revalidatePath } from "next/cache";
import { importParks, updatePark } from "@/lib/actions/parks";
import { getSessionUser } from "@/lib/auth/session";

export async function updateParkAction(input: unknown) {
  const result = await updatePark(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/parks");
  return localized(result);
}

export async function importParksAction(input: unknown) {
  const result = await importParks(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/parks");
  return localized(result);
}
