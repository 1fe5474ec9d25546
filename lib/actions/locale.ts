"use server";
// Language is a per-browser preference, not data: no session, role or audit entry needed.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";

export async function setLocale(value: string) {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 365 * 24 * 3600,
  });
}
