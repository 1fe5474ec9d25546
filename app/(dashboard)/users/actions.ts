"use server";
// The dashboard's entry to account mutations: the session comes from the request, never the client.
import { localized } from "@/lib/actions/localized";
import { revalidatePath } from "next/cache";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/actions/users";
import { getSessionUser } from "@/lib/auth/session";

export async function createUserAction(input: unknown) {
  const result = await createUser(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/users");
  return localized(result);
}

export async function changeUserRoleAction(input: unknown) {
  const result = await changeUserRole(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/users");
  return localized(result);
}

export async function setUserDisabledAction(input: unknown) {
  const result = await setUserDisabled(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/users");
  return localized(result);
}

export async function resetUserPasswordAction(input: unknown) {
  const result = await resetUserPassword(await getSessionUser(), input);
  if ("data" in result) revalidatePath("/users");
  return localized(result);
}
